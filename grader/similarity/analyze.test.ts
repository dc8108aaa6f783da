import { beforeAll, describe, expect, it } from 'vitest';
import {
  DISGUISES,
  EXERCISES,
  fileOf,
  independentCombos,
  plantedClass,
  starter,
  starters,
  submissionOf,
  type DisguiseName,
  type Submission,
} from '../../tests/support/similarity-class.js';
import type { SimilarityPair } from '../model/similarity.js';
import { analyzeClass, type ClassSources, type SimilarityAnalysis } from './analyze.js';
import { resolveSimilarityOptions, type SimilarityOptions } from './options.js';

/** Every pair listed, so that independent pairs can be checked too. */
const ALL: SimilarityOptions = { listed: 100_000 };

function sourcesOf(submissions: ReadonlyMap<string, Submission>, withStarters = true): ClassSources {
  const names = [...submissions.keys()].sort();
  const files = new Map<string, Map<number, string>>();
  names.forEach((name, i) => {
    for (const [file, text] of submissions.get(name)!) {
      if (!files.has(file)) files.set(file, new Map());
      files.get(file)!.set(i, text);
    }
  });
  return { names, files, starters: withStarters ? starters() : new Map(), skipped: [] };
}

const key = (a: string, b: string): string => [a, b].sort().join(' & ');
const pairOf = (r: SimilarityAnalysis, a: string, b: string): SimilarityPair | undefined => r.pairs.find((p) => key(p.left, p.right) === key(a, b));

describe('a class of 40: 34 independent students and a planted copy under each disguise', () => {
  const cls = plantedClass(40);
  const planted = new Set(cls.planted.map((p) => key(p.copier, p.source)));
  let report: SimilarityAnalysis;
  let independent: SimilarityPair[];
  beforeAll(async () => {
    report = await analyzeClass(sourcesOf(cls.submissions), resolveSimilarityOptions(ALL));
    independent = report.pairs.filter((p) => !planted.has(key(p.left, p.right)));
  });

  it.each(cls.planted.map((p) => [p.disguise, p] as const))('finds the copy disguised by %s, flagged and ranked above every independent pair', (_d, p) => {
    const pair = pairOf(report, p.copier, p.source);
    expect(pair, `${p.copier} copied ${p.source}`).toBeDefined();
    expect(pair!.flagged).toBe(true);
    expect(pair!.similarity).toBeGreaterThan(Math.max(...independent.map((q) => q.similarity)));
  });

  it('flags no pair of independent solutions', () => {
    expect(independent.filter((p) => p.flagged).map((p) => `${key(p.left, p.right)}: ${p.similarity}`)).toEqual([]);
    expect(report.pairs.filter((p) => p.flagged)).toHaveLength(cls.planted.length);
  });

  it('counts every pair in the histogram and gives each copy its cluster of two', () => {
    expect(report.pairCount).toBe((40 * 39) / 2);
    expect(report.histogram.reduce((s, b) => s + b.count, 0)).toBe(report.pairCount);
    expect(report.clusters.map((c) => c.members.join(' & ')).sort()).toEqual([...planted].sort());
  });

  it('reports, per file of a flagged pair, the fragments both sides share', () => {
    const p = cls.planted.find((x) => x.disguise === 'reorderFunctions')!;
    const pair = pairOf(report, p.copier, p.source)!;
    expect(pair.files.map((f) => f.file).sort()).toEqual(EXERCISES.map(fileOf).sort());
    for (const f of pair.files) {
      expect(f.fragments?.length, f.file).toBeGreaterThan(0);
      expect(f.longest).toBeGreaterThan(0);
    }
    expect(pair.longestFile).not.toBeNull();
  });
});

describe('starter code and code the class shares', () => {
  it('flags no one in a class where everyone only filled in the starter', async () => {
    // Twelve students who handed in the starter with the TODO messages of their own.
    const submissions = new Map<string, Submission>();
    for (let i = 0; i < 12; i++) {
      const sub = new Map(EXERCISES.map((e) => [fileOf(e), starter(e).replace(/TODO[^'`]*/g, `not done yet (${i})`)]));
      submissions.set(`student-${i}`, sub);
    }
    const report = await analyzeClass(sourcesOf(submissions), resolveSimilarityOptions(ALL));
    expect(report.pairs.filter((p) => p.flagged)).toEqual([]);
    expect(report.clusters).toEqual([]);
    // Without the starter subtracted, the same class is one big cluster: the starter is what matches.
    const naive = await analyzeClass(sourcesOf(submissions, false), resolveSimilarityOptions({ ...ALL, commonFraction: 1 }));
    expect(naive.pairs.filter((p) => p.flagged)).toHaveLength((12 * 11) / 2);
  });

  it('ignores a helper that most of the class pasted in, and still flags a copy', async () => {
    const helper = [
      'function zerosLike(rows: number, cols: number): number[][] {',
      '  const out: number[][] = [];',
      '  for (let r = 0; r < rows; r++) {',
      '    const row: number[] = [];',
      '    for (let c = 0; c < cols; c++) row.push(0);',
      '    out.push(row);',
      '  }',
      '  return out;',
      '}',
      'function argmaxOf(values: number[]): number {',
      '  let best = 0;',
      '  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;',
      '  return best;',
      '}',
      '',
    ].join('\n');
    const combos = independentCombos(10);
    const submissions = new Map<string, Submission>();
    combos.forEach((c, i) => {
      const sub = submissionOf(c);
      // Every student but two pastes the course's helpers into every file.
      submissions.set(`student-${i}`, i < 8 ? new Map([...sub].map(([f, t]) => [f, helper + t])) : sub);
    });
    submissions.set('copier', new Map([...submissionOf(combos[9]!)].map(([f, t]) => [f, DISGUISES.reformat(t, f)])));
    const report = await analyzeClass(sourcesOf(submissions), resolveSimilarityOptions(ALL));
    expect(report.pairs.filter((p) => p.flagged).map((p) => key(p.left, p.right))).toEqual([key('copier', 'student-9')]);
    const kept = await analyzeClass(sourcesOf(submissions), resolveSimilarityOptions({ ...ALL, commonFraction: 1 }));
    expect(kept.pairs.filter((p) => p.flagged).length).toBeGreaterThan(1);
  });
});

describe('what students hand in', () => {
  it('compares empty, comment-only, unparsable and garbage files without a fault, matching none of them', async () => {
    const good = submissionOf(independentCombos(1)[0]!).get('convolution.ts')!;
    const texts = ['', '// only a comment\n', 'export function convolution( {{{ ))) ', '\u0000\u0001\uFFFD garbage \uD800', good, good];
    const files = new Map([['convolution.ts', new Map(texts.map((t, i) => [i, t]))]]);
    const report = await analyzeClass({ names: texts.map((_, i) => `n${i}`), files, starters: starters(), skipped: [] }, resolveSimilarityOptions(ALL));
    expect(report.pairs.map((p) => [p.left, p.right, p.similarity])).toEqual([['n4', 'n5', 1]]);
  });
});

describe('disguises', () => {
  it.each(Object.keys(DISGUISES) as DisguiseName[])('%s changes the text of the files it applies to', (name) => {
    const sub = submissionOf(independentCombos(1)[0]!);
    const changed = [...sub].filter(([file, text]) => DISGUISES[name](text, file) !== text).map(([file]) => file);
    expect(changed.length).toBeGreaterThanOrEqual(name === 'reorderFunctions' || name === 'loopsAsMap' ? 4 : EXERCISES.length);
  });
});
