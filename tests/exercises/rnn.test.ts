import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExerciseResult } from '../../grader/model/results.js';
import type { GradingEnvironment } from '../../grader/execute/grade-submission.js';
import { environment, EXAMPLES, exercise, grade } from '../support/grade.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ALL = ['sigmoid', 'notes-example', 'forward-sequence', 'fresh-state', 'edge-cases', 'forward-property', 'random-layers'];

/** A correct layer; each variant below swaps one piece of it for a plausible student slip. */
const CORRECT = `
export function sigmoid(x: number): number { return 1 / (1 + Math.exp(-x)); }
export class RnnLayer {
  Wx: number[][]; Wy: number[][]; b: number[]; activation: (x: number) => number;
  constructor(nUnits: number, inputSize: number, activation: (x: number) => number) {
    this.activation = activation;
    this.Wx = Array.from({ length: inputSize }, () => Array(nUnits).fill(0));
    this.Wy = Array.from({ length: nUnits }, () => Array(nUnits).fill(0));
    this.b = Array(nUnits).fill(0);
  }
  forwardSequence(X: number[][]): number[][] {
    const { Wx, Wy, b } = this;
    let h = b.map(() => 0);
    return X.map((x) => (h = b.map((bj, j) => this.activation(
      x.reduce((s, xi, i) => s + Wx[i][j] * xi, 0) + h.reduce((s, hk, k) => s + Wy[k][j] * hk, 0) + bj))));
  }
  forward(X: number[][]): number[] { const all = this.forwardSequence(X); return /*OUT*/all[all.length - 1]; }
}
`;
const variant = (from: string, to: string): string => {
  if (!CORRECT.includes(from)) throw new Error(`the variant's anchor is not in the source: ${from}`);
  return CORRECT.replace(from, to);
};

const VARIANTS: { name: string; source: string; failed: string[] }[] = [
  { name: 'the correct layer', source: CORRECT, failed: [] },
  {
    name: 'a branch-stable sigmoid passes',
    source: variant('return 1 / (1 + Math.exp(-x));', 'if (x >= 0) return 1 / (1 + Math.exp(-x)); const e = Math.exp(x); return e / (1 + e);'),
    failed: [],
  },
  {
    name: 'forward returning a column, like the notes\u2019 (n_units, 1) array, fails every forward check',
    source: variant('/*OUT*/all[all.length - 1]', 'all[all.length - 1].map((v) => [v]) as unknown as number[]'),
    failed: ['notes-example', 'fresh-state', 'edge-cases', 'forward-property', 'random-layers'],
  },
  {
    name: 'an activation fixed to the sigmoid fails every case with another activation',
    source: variant('this.activation(\n', 'sigmoid(\n'),
    failed: ['forward-sequence', 'fresh-state', 'edge-cases', 'forward-property', 'random-layers'],
  },
  {
    name: 'weights read once in the constructor ignore the ones the grader sets',
    source: variant('const { Wx, Wy, b } = this;', 'const { Wx, Wy } = this.initial; const b = this.b;').replace(
      'this.b = Array(nUnits).fill(0);',
      'this.b = Array(nUnits).fill(0); this.initial = { Wx: this.Wx, Wy: this.Wy };',
    ).replace('activation: (x: number) => number;', 'activation: (x: number) => number; initial: { Wx: number[][]; Wy: number[][] };'),
    failed: ['notes-example', 'forward-sequence', 'fresh-state', 'edge-cases', 'forward-property', 'random-layers'],
  },
];

describe('rnn checks', () => {
  let env: GradingEnvironment;
  const dirs: string[] = [];
  const gradeFolder = async (dir: string): Promise<ExerciseResult> => exercise(await grade(env, dir), 'rnn');
  const gradeSource = async (source: string): Promise<ExerciseResult> => {
    const dir = mkdtempSync(join(tmpdir(), 'neurograde-rnn-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'rnn.ts'), source);
    return gradeFolder(dir);
  };
  const notPassed = (r: ExerciseResult): string[] => r.checks.filter((c) => c.status !== 'passed').map((c) => c.id);

  beforeAll(async () => {
    env = await environment(['rnn']);
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('the reference, handed in as a submission, passes every check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'neurograde-rnn-'));
    dirs.push(dir);
    copyFileSync(join(ROOT, 'reference', 'rnn.ts'), join(dir, 'rnn.ts'));
    const r = await gradeFolder(dir);
    expect(r.checks.map((c) => c.id)).toEqual(ALL);
    expect(notPassed(r)).toEqual([]);
    expect(r.score).toBe(10);
  });

  it('the example correct submission gets full marks', async () => {
    expect((await gradeFolder(join(EXAMPLES, 'correct'))).score).toBe(10);
  });

  it('the notes\u2019 class, ported as is, loses fresh-state alone and is told its state survives', async () => {
    const r = await gradeFolder(join(EXAMPLES, 'notes-port'));
    expect(notPassed(r)).toEqual(['fresh-state']);
    const fresh = r.checks.find((c) => c.id === 'fresh-state')!;
    expect(fresh.status === 'failed' && fresh.diagnosis).toBe('rnn-state-kept');
  });

  it.each(VARIANTS)('$name', async ({ source, failed }) => {
    expect(notPassed(await gradeSource(source))).toEqual(failed);
  });

  it('a failed property check shows a shrunk counterexample', async () => {
    const r = await gradeSource(variant('+ bj))))', '))))'));
    const c = r.checks.find((x) => x.id === 'forward-property')!;
    expect(c).toMatchObject({ status: 'failed', evidence: { shrunk: true } });
    const evidence = c.status === 'failed' ? c.evidence : undefined;
    const input = evidence?.input as { X: number[][]; b: number[] };
    // Shrinking leaves the smallest layer that still shows the missing bias: one step, one unit.
    expect(input.X).toHaveLength(1);
    expect(input.b).toHaveLength(1);
    expect(c).toMatchObject({ diagnosis: 'rnn-bias-forgotten' });
  });
});
