import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createValueStore } from '../grader/io/value-store.js';
import { exerciseCacheDir } from '../grader/load/exercise-modules.js';
import type { SubmissionResult } from '../grader/model/results.js';
import { EXAMPLES, FIXTURES, grade } from './support/grade.js';
import { testEnvironment } from './support/sandbox.js';

const work = mkdtempSync(join(tmpdir(), 'neurograde-case-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The numeric exercises: every one has case checks and property checks. */
const NUMERIC = ['convolution', 'image', 'pooling', 'shapes', 'rnn', 'sequences', 'data'];

/** results.json without what differs from one grading to the next whatever the cases: dates and timings. */
function timeless(result: SubmissionResult): unknown {
  return JSON.parse(JSON.stringify(result, (key, value: unknown) => (key === 'durationMs' || key === 'gradedAt' ? undefined : value)));
}

/** A correct submission with a convolution that flips its kernel: failed checks, diagnosed, a property shrunk. */
function flippedKernel(): string {
  const dir = join(work, 'flipped');
  cpSync(join(EXAMPLES, 'correct'), dir, { recursive: true });
  cpSync(join(FIXTURES, 'mistakes', 'conv-flipped-kernel', 'convolution.ts'), join(dir, 'convolution.ts'));
  return dir;
}

describe('a check\'s cases and the reference\'s answers are kept across processes', () => {
  const options = { dir: join(work, 'cases'), version: 'grader-build-1' };

  it('a fresh environment reads the cases the first one computed, and grades the same', async () => {
    const submissions = [join(EXAMPLES, 'correct'), flippedKernel()];
    const first = createValueStore(options);
    const cold = await testEnvironment({ only: NUMERIC, caseStore: first });
    const before = [];
    for (const s of submissions) before.push(await grade(cold, s, { seed: 3 }));
    expect(first.counts.read).toBe(0);
    expect(first.counts.computed).toBeGreaterThan(NUMERIC.length);
    // Each value computed once for both submissions (the environment's memo), each one a file.
    expect(readdirSync(options.dir).filter((n) => n.endsWith('.bin'))).toHaveLength(first.counts.computed);

    // Another process: a new environment, a new store on the same folder.
    const second = createValueStore(options);
    const warm = await testEnvironment({ only: NUMERIC, caseStore: second });
    const after = [];
    for (const s of submissions) after.push(await grade(warm, s, { seed: 3 }));
    expect(second.counts).toEqual({ computed: 0, read: first.counts.computed });
    expect(after.map(timeless)).toEqual(before.map(timeless));
    expect(before[1]!.score).toBeLessThan(before[1]!.maxScore);
  }, 600_000);

  it('another seed computes its own cases; the same seed reads them', async () => {
    const own = { dir: join(work, 'cases-by-seed'), version: 'grader-build-1' };
    const gradeWith = async (seed: number): Promise<{ computed: number; read: number }> => {
      const store = createValueStore(own);
      await grade(await testEnvironment({ only: ['convolution'], caseStore: store }), join(EXAMPLES, 'correct'), { seed });
      return { ...store.counts };
    };
    const first = await gradeWith(3);
    expect(first.computed).toBeGreaterThan(0);
    expect(await gradeWith(4)).toEqual({ computed: first.computed, read: 0 });
    expect(await gradeWith(3)).toEqual({ computed: 0, read: first.computed });
  }, 600_000);

  it('of hidden checks whose seed is the submission\'s own (varyHidden) are kept in memory only: they serve no other submission', async () => {
    const store = createValueStore({ dir: join(work, 'cases-varied'), version: 'grader-build-1' });
    const env = await testEnvironment({ only: ['convolution'], caseStore: store });
    const shared = createValueStore({ dir: join(work, 'cases-shared'), version: 'grader-build-1' });
    await grade(await testEnvironment({ only: ['convolution'], caseStore: shared }), join(EXAMPLES, 'correct'), { seed: 3 });
    const result = await grade(env, join(EXAMPLES, 'correct'), { seed: 3, varyHidden: 'alice' });
    const hidden = result.exercises[0]!.checks.filter((c) => c.visibility === 'hidden').length;
    expect(hidden).toBeGreaterThan(0);
    // The public checks' values alone went to the store (each check of convolution keeps one: its cases or its sample).
    expect(store.counts.computed).toBe(shared.counts.computed - hidden);
    expect(readdirSync(join(work, 'cases-varied'))).toHaveLength(store.counts.computed);
  }, 600_000);

  it('are kept, by default, in a folder no child may read (hidden checks\' inputs are in it)', async () => {
    const env = await testEnvironment({ only: ['shapes'], caseStore: false });
    const kept = join(exerciseCacheDir(), 'cases');
    expect(env.readPaths.length).toBeGreaterThan(0);
    for (const readable of env.readPaths) expect(relative(readable, kept)).toMatch(/^\.\.(\/|$)/);
  });
});
