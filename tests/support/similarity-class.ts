import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A class of real-looking submissions for the similarity stage, built from solutions written
// independently: seven styles per exercise file (tests/fixtures/similarity/styles/<exercise>/sK.ts),
// each a correct solution of its own shape. A student is one style per file; planted copies
// take another student's files through a disguise.

const FIXTURES = fileURLToPath(new URL('../fixtures/similarity/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const EXERCISES = ['convolution', 'image', 'pooling', 'shapes', 'rnn', 'sequences', 'data', 'models'] as const;
export type ExerciseId = (typeof EXERCISES)[number];
export const STYLE_COUNT = 7;

/** A student's submission: exercise file name to text. */
export type Submission = ReadonlyMap<string, string>;

export const fileOf = (e: ExerciseId): string => `${e}.ts`;

export function style(e: ExerciseId, k: number): string {
  return readFileSync(join(FIXTURES, 'styles', e, `s${k + 1}.ts`), 'utf8');
}

export function starter(e: ExerciseId): string {
  return readFileSync(join(ROOT, 'exercises', e, 'starter.ts'), 'utf8');
}

export function starters(): Map<string, string> {
  return new Map(EXERCISES.map((e) => [fileOf(e), starter(e)]));
}

/** A small seeded generator (mulberry32): the same class on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` independent students, each a style per exercise file. Independent students seldom
 * write the same shape of code in many files. With seven styles (a prime), a student is a
 * polynomial p over the integers mod 7: style p(f) for file f < 7, and its leading coefficient
 * for the last file. Two lines (degree 1, up to 49 students) share a style in one file at
 * most; two parabolas (degree 2, up to 343 students, the benchmark's class of 200) in two at
 * most. The first student takes the first style of every file: the map-disguise fixtures are
 * written against it.
 */
export function independentCombos(count: number, options: { seed?: number } = {}): number[][] {
  const next = rng(options.seed ?? 14);
  const p = STYLE_COUNT;
  const degree = count <= p * p ? 1 : 2;
  const polys: number[][] = [];
  for (let n = 0; n < p ** (degree + 1); n++) polys.push(Array.from({ length: degree + 1 }, (_, k) => Math.floor(n / p ** k) % p));
  // A seeded shuffle, the zero polynomial (every first style) kept first.
  for (let i = polys.length - 1; i > 1; i--) {
    const j = 1 + Math.floor(next() * i);
    [polys[i], polys[j]] = [polys[j]!, polys[i]!];
  }
  if (count > polys.length) throw new Error(`at most ${polys.length} independent students`);
  return polys.slice(0, count).map((c) => EXERCISES.map((_, f) => (f < p ? c.reduce((s, a, k) => s + a * f ** k, 0) % p : c[degree]!)));
}

export function submissionOf(combo: readonly number[]): Submission {
  return new Map(EXERCISES.map((e, i) => [fileOf(e), style(e, combo[i]!)]));
}

// ---- Disguises: what a student who copies does so that the copy does not look like one. ----

export type Disguise = (text: string, file: string) => string;

const KEYWORDS = new Set(
  'abstract as async await boolean break case catch class const continue default delete do else enum export extends false finally for from function if implements import in instanceof interface let new null number of private protected public readonly return static string super switch this throw true try type typeof undefined var void while yield any never unknown keyof infer'.split(' '),
);

/**
 * Renames the names the file declares (variables, parameters, helpers), never an exported name
 * nor one also used as a property: the copy still compiles and still meets the contract.
 */
export const renameIdentifiers: Disguise = (text) => {
  const declared = new Set<string>();
  for (const m of text.matchAll(/\b(?:const|let|var|function|class|type|interface)\s+([A-Za-z_$][\w$]*)/g)) declared.add(m[1]!);
  for (const m of text.matchAll(/[(,]\s*([A-Za-z_$][\w$]*)\s*(?=[:,)=])/g)) declared.add(m[1]!);
  for (const m of text.matchAll(/\b([A-Za-z_$][\w$]*)\s*=>/g)) declared.add(m[1]!);
  const exported = new Set([...text.matchAll(/export\s+(?:const|let|function|class|type|interface)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!));
  // A name read as a property (`.name`), written in shorthand (`{ name }`) or as a key keeps
  // its spelling: renaming it would change what the code returns or reads.
  const kept = new Set([...text.matchAll(/\.\s*([A-Za-z_$][\w$]*)/g), ...text.matchAll(/[{,]\s*([A-Za-z_$][\w$]*)\s*(?=[,}])/g), ...text.matchAll(/[{]\s*([A-Za-z_$][\w$]*)\s*\??:/g), ...text.matchAll(/^\s*([A-Za-z_$][\w$]*)\s*\??:/gm)].map((m) => m[1]!));
  const renames = new Map<string, string>();
  let i = 0;
  for (const name of [...declared].sort()) {
    if (KEYWORDS.has(name) || exported.has(name) || kept.has(name) || name === '_' || name === 'tf') continue;
    renames.set(name, `${name.length > 2 ? 'my' : 'v'}${name[0]!.toUpperCase()}${name.slice(1)}${i++}`);
  }
  return text.replace(/(?<![.\w$'"`])[A-Za-z_$][\w$]*\b/g, (w) => renames.get(w) ?? w);
};

/** Another layout: tabs, braces on their own lines, spaces inside parentheses. */
export const reformat: Disguise = (text) =>
  text
    .split('\n')
    .map((line) => {
      const indent = /^ */.exec(line)![0].length;
      const body = line.slice(indent).replace(/\(\s*/g, '( ').replace(/\s*\)/g, ' )').replace(/\( \)/g, '()');
      const tabs = '\t'.repeat(Math.floor(indent / 2));
      return /\)\s*\{$/.test(body) && !body.includes('=>') ? `${tabs}${body.replace(/\s*\{$/, '')}\n${tabs}{` : `${tabs}${body}`;
    })
    .join('\n');

/** The file's function declarations in reverse order (they are hoisted: the copy still runs). */
export const reorderFunctions: Disguise = (text) => {
  const lines = text.split('\n');
  const chunks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (/^(export |const |let |function |class |type |interface |import |\/\/|\/\*)/.test(line) && current.some((l) => l.trim() !== '')) {
      chunks.push(current);
      current = [];
    }
    current.push(line);
  }
  chunks.push(current);
  const isFunction = (c: string[]): boolean => /^(export )?function /.test(c.find((l) => !/^\s*(\/\/|\/?\*)/.test(l)) ?? '');
  const functions = chunks.filter(isFunction).reverse();
  let k = 0;
  return chunks.map((c) => (isFunction(c) ? functions[k++]! : c)).flat().join('\n');
};

/** The original comments removed, others added: above every function and inside loops. */
export const changeComments: Disguise = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*\n/gm, '')
    .replace(/ \/\/.*$/gm, '')
    .replace(/^(export )?(function|class) (\w+)/gm, (m, _e, _k, name: string) => `// ${name}: my own implementation, see the course notes\n${m}`)
    .replace(/^(\s*)(for|while) /gm, (m, indent: string) => `${indent}// go over every element\n${m}`);

/** `let` wherever the original said `const` (never in `as const`). */
export const letForConst: Disguise = (text) => text.replace(/(?<!as )\bconst\b(?=\s+[\w$[{])/g, 'let');

/** Loops rewritten as map/reduce: written by hand for the first student (every first style). */
export const loopsAsMap: Disguise = (text, file) => {
  const path = join(FIXTURES, 'map', file);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return text;
  }
};

export const DISGUISES = { renameIdentifiers, reformat, reorderFunctions, changeComments, letForConst, loopsAsMap } as const;
export type DisguiseName = keyof typeof DISGUISES;

export function disguise(submission: Submission, d: Disguise): Submission {
  return new Map([...submission].map(([file, text]) => [file, d(text, file)]));
}

export interface PlantedClass {
  /** Student name to submission, names sorted. */
  readonly submissions: ReadonlyMap<string, Submission>;
  /** Each planted copy: the copier, the student copied, the disguise. */
  readonly planted: ReadonlyArray<{ readonly copier: string; readonly source: string; readonly disguise: DisguiseName }>;
}

/**
 * A class of `size`: independent students, and one planted copy per disguise, each copying a
 * different student (the map disguise copies the first, whose loop rewrites are fixtures).
 */
export function plantedClass(size = 40, seed = 14): PlantedClass {
  const names = Object.keys(DISGUISES) as DisguiseName[];
  const combos = independentCombos(size - names.length, { seed });
  const submissions = new Map<string, Submission>();
  const label = (i: number): string => `student-${String(i + 1).padStart(2, '0')}`;
  combos.forEach((c, i) => submissions.set(label(i), submissionOf(c)));
  const planted = names.map((d, k) => {
    const source = label(d === 'loopsAsMap' ? 0 : k + 1);
    const copier = label(combos.length + k);
    submissions.set(copier, disguise(submissions.get(source)!, DISGUISES[d]));
    return { copier, source, disguise: d };
  });
  return { submissions: new Map([...submissions].sort(([a], [b]) => (a < b ? -1 : 1))), planted };
}
