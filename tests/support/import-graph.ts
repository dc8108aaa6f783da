import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';

/**
 * The pipeline's stages in order: a stage may import only the stages before it. Exercises and
 * references are not stages of the grader: they may import only the public kit (by package
 * name), references, and packages.
 */
export const PIPELINE = [
  'grader/model', // result, manifest and error types: data, no behaviour
  'grader/i18n', // every user-facing string, en/ and fr/
  'grader/schema', // TypeBox -> JSON Schema, validators
  'grader/io', // atomic writes, results.json, the package root
  'grader/data', // seeded randomness, MNIST, IDX, the noisy sine
  'grader/tf', // TensorFlow.js backend and model JSON
  'grader/sandbox', // children, launchers, wire format, protocol, steps
  'grader/compare', // values against expected values, tolerances
  'grader/kit', // what checks and mistakes are written with (public: neurograde/kit)
  'grader/diagnose', // naming the mistake
  'grader/load', // bundling a submission, loading exercises (and a student package's public course)
  'grader/score', // pure functions from verdicts to check, exercise and submission results
  'grader/execute', // plan a submission, then run the plan: leases on children, phases, the API
  'reports', // one reporter a file
  'grader/batch', // a class
  'grader/similarity', // who copied from whom: a class's submissions compared with Dolos
  'grader/pack', // the student starter repository and the teacher's grading repository
  'grader/classroom', // the teacher's workflow: fetching the class, posting grades back
  'grader/cli', // the commands
  'grader', // grader/index.ts, the programmatic API
] as const;

/** Bare specifiers an exercise may import besides packages: the public kit. */
export const PUBLIC_KIT = ['neurograde/kit', 'neurograde/kit/models'] as const;

export interface ImportEdge {
  readonly from: string;
  readonly spec: string;
  /** The imported file relative to the root; undefined for a package. */
  readonly to?: string;
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
const TOPS = ['grader', 'reports', 'reference', 'exercises'];

function* sourceFiles(root: string, dir: string): Generator<string> {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* sourceFiles(root, rel);
    } else if (/\.m?ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name)) {
      yield rel;
    }
  }
}

/** Every import of the non-test sources under grader/, reports/, reference/ and exercises/. */
export function importEdges(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const top of TOPS) {
    let files: string[];
    try {
      files = [...sourceFiles(root, top)];
    } catch {
      continue;
    }
    for (const from of files) {
      const text = readFileSync(join(root, from), 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const spec = (m[1] ?? m[2] ?? m[3])!;
        edges.push(spec.startsWith('.') ? { from, spec, to: normalize(join(dirname(from), spec)) } : { from, spec });
      }
    }
  }
  return edges;
}

/** The stage a file belongs to: `grader/<folder>`, `grader` for files directly in grader/, or its top folder. */
export function stageOf(file: string): string {
  const parts = file.split(sep);
  if (parts[0] === 'grader') return parts.length > 2 ? `grader/${parts[1]}` : 'grader';
  return parts[0]!;
}

/** The imports that break the layering, each as a readable line. */
export function layeringViolations(edges: readonly ImportEdge[]): string[] {
  const rank = new Map<string, number>(PIPELINE.map((s, i) => [s, i]));
  const out: string[] = [];
  for (const e of edges) {
    const a = stageOf(e.from);
    if (a === 'exercises' || a === 'reference') {
      if (e.to === undefined) {
        if (e.spec.startsWith('neurograde') && !(PUBLIC_KIT as readonly string[]).includes(e.spec)) out.push(`${e.from} imports ${e.spec}: only ${PUBLIC_KIT.join(' or ')} is public`);
        continue;
      }
      const b = stageOf(e.to);
      const allowed = a === 'exercises' ? ['exercises', 'reference'] : ['reference'];
      if (!allowed.includes(b)) out.push(`${e.from} imports ${e.to}: ${a} may import only ${allowed.join(', ')} and the public kit`);
      continue;
    }
    if (e.to === undefined) continue;
    const b = stageOf(e.to);
    if (a === b) continue;
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra === undefined) out.push(`${e.from}: stage ${a} is not in the pipeline`);
    else if (rb === undefined) out.push(`${e.from} imports ${e.to}: stage ${b} is not in the pipeline`);
    else if (rb > ra) out.push(`${e.from} imports ${e.to}: ${a} comes before ${b} in the pipeline, so it may not import it`);
  }
  return out;
}
