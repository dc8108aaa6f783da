import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExerciseResult } from '../../grader/model/results.js';
import type { GradingEnvironment } from '../../grader/execute/grade-submission.js';
import { environment, EXAMPLES, exercise, grade } from '../support/grade.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ALL = ['notes-windows', 'windows-edge', 'windows-property', 'notes-split', 'random-windows', 'random-split'];
const SPLITS = ['notes-split', 'random-split'];
const WINDOWS = ['notes-windows', 'windows-edge', 'windows-property', 'random-windows'];

const WINDOWS_OK = `
export function makeWindows(series: number[], s: number) {
  const X: number[][] = [];
  const Y: number[][] = [];
  for (let i = 0; i + s < series.length; i++) { X.push(series.slice(i, i + s)); Y.push(/*Y*/[series[i + s]]); }
  return { X, Y };
}
`;
/** A split built from the (possibly reordered) pairs, cut at trainCount. */
const split = (reorder: string): string => `
export function chronologicalSplit<T>(X: T[], Y: T[], trainCount: number) {
  ${reorder}
  return { xTrain: X.slice(0, trainCount), yTrain: Y.slice(0, trainCount), xTest: X.slice(trainCount), yTest: Y.slice(trainCount) };
}
`;

// Deterministic stand-ins for a shuffle, so that what the check sees does not depend on luck.
const VARIANTS: { name: string; source: string; failed: string[]; diagnosis: string | undefined }[] = [
  { name: 'the correct module', source: WINDOWS_OK + split(''), failed: [], diagnosis: undefined },
  {
    name: 'pairs shuffled before the cut (a seeded Fisher-Yates: test pairs reach training) are named split-shuffled',
    source:
      WINDOWS_OK +
      split(`let seed = 3;
  const idx = X.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  X = idx.map((i) => X[i]); Y = idx.map((i) => Y[i]);`),
    failed: SPLITS,
    diagnosis: 'split-shuffled',
  },
  {
    name: 'regression: pairs reversed before the cut are not called shuffled (a wrong split, but nothing random)',
    source: WINDOWS_OK + split('X = [...X].reverse(); Y = [...Y].reverse();'),
    failed: SPLITS,
    diagnosis: undefined,
  },
  {
    name: 'regression: the last pairs training and the first testing are not called shuffled, but split-parts-swapped',
    source:
      WINDOWS_OK +
      `export function chronologicalSplit<T>(X: T[], Y: T[], n: number) {
        const cut = X.length - n;
        return { xTrain: X.slice(cut), yTrain: Y.slice(cut), xTest: X.slice(0, cut), yTest: Y.slice(0, cut) };
      }`,
    failed: SPLITS,
    diagnosis: 'split-parts-swapped',
  },
  {
    name: 'X reordered without Y breaks the pairs: no diagnosis',
    source: WINDOWS_OK + split('X = [...X].reverse();'),
    failed: SPLITS,
    diagnosis: undefined,
  },
  {
    name: 'each part reordered after a right cut leaks nothing: no diagnosis',
    source: WINDOWS_OK +
      `export function chronologicalSplit<T>(X: T[], Y: T[], n: number) {
        return { xTrain: X.slice(0, n).reverse(), yTrain: Y.slice(0, n).reverse(), xTest: X.slice(n).reverse(), yTest: Y.slice(n).reverse() };
      }`,
    failed: SPLITS,
    diagnosis: undefined,
  },
  {
    name: 'targets as plain numbers instead of one-value arrays fail every window check, named window-y-not-nested',
    source: WINDOWS_OK.replace('/*Y*/[series[i + s]]', 'series[i + s] as unknown as number[]') + split(''),
    failed: WINDOWS,
    diagnosis: 'window-y-not-nested',
  },
];

describe('sequences checks', () => {
  let env: GradingEnvironment;
  const dirs: string[] = [];
  const gradeFolder = async (dir: string): Promise<ExerciseResult> => exercise(await grade(env, dir), 'sequences');
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'neurograde-sequences-'));
    dirs.push(dir);
    return dir;
  };
  const notPassed = (r: ExerciseResult): string[] => r.checks.filter((c) => c.status !== 'passed').map((c) => c.id);

  beforeAll(async () => {
    env = await environment(['sequences']);
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('the reference, handed in as a submission, passes every check', async () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'reference', 'sequences.ts'), join(dir, 'sequences.ts'));
    const r = await gradeFolder(dir);
    expect(r.checks.map((c) => c.id)).toEqual(ALL);
    expect(notPassed(r)).toEqual([]);
  });

  it.each(['correct', 'notes-port'])('the example %s submission gets full marks', async (name) => {
    expect((await gradeFolder(join(EXAMPLES, name))).score).toBe(10);
  });

  it.each(VARIANTS)('$name', async ({ source, failed, diagnosis }) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sequences.ts'), source);
    const r = await gradeFolder(dir);
    expect(notPassed(r)).toEqual(failed);
    for (const c of r.checks) if (c.status === 'failed') expect(c.diagnosis).toBe(diagnosis);
  });

  it('the notes\u2019 windows have the shapes the notes print: X 94 x 6, Y 94 x 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sequences.ts'), WINDOWS_OK.replace('i + s < series.length', 'i + s <= series.length') + split(''));
    const c = (await gradeFolder(dir)).checks.find((x) => x.id === 'notes-windows')!;
    expect(c.status === 'failed' && c.mismatch).toEqual({ kind: 'shape', expected: [94, 6], got: [95, 6], path: 'X' });
  });
});
