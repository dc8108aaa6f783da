import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import type { Launcher } from '../grader/sandbox/launcher.js';
import { spawnChild } from '../grader/sandbox/spawn.js';
import { EXAMPLES, exercise, FIXTURES, grade, environment, withExerciseLimits } from './support/grade.js';

/**
 * Children booted ahead (ChildLease) are used by the phase they were booted for, and none
 * outlives its submission, however the submission ends: every child the grader started has
 * been ended (its stdin closed by Session.close) when gradeSubmission returns or throws.
 */
const CORRECT = join(EXAMPLES, 'correct');

/** The environment, its launcher recording every child it starts. */
function counting(env: GradingEnvironment): { env: GradingEnvironment; spawned: ChildProcess[] } {
  const spawned: ChildProcess[] = [];
  const launcher: Launcher = { ...env.launcher, spawn: (spec) => spawned[spawned.push(spawnChild(spec)) - 1]! };
  return { env: { ...env, launcher }, spawned };
}

/** Every child was ended by the grader, and has exited. */
async function allEnded(spawned: readonly ChildProcess[]): Promise<void> {
  expect(spawned.map((c) => c.stdin?.destroyed)).toEqual(spawned.map(() => true));
  await Promise.all(spawned.map((c) => (c.exitCode === null && c.signalCode === null ? once(c, 'exit') : undefined)));
}

describe('children booted ahead', () => {
  let base: GradingEnvironment;
  let dir: string;
  beforeAll(async () => {
    base = await environment(['shapes', 'pooling']);
    dir = mkdtempSync(join(tmpdir(), 'neurograde-prewarm-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A submission with the correct pooling.ts and this shapes.ts. */
  function submission(shapes: string): string {
    const target = mkdtempSync(join(dir, 'submission-'));
    copyFileSync(join(CORRECT, 'pooling.ts'), join(target, 'pooling.ts'));
    writeFileSync(join(target, 'shapes.ts'), shapes);
    return target;
  }

  it('are all used by the phase they were booted for: a correct submission starts as many children as with prewarming off, and ends them all', async () => {
    const warm = counting(base);
    const cold = counting({ ...base, prewarm: false });
    const [a, b] = [await grade(warm.env, CORRECT), await grade(cold.env, CORRECT)];
    expect(a.score).toBe(a.maxScore);
    expect(b.score).toBe(a.score);
    // Two exercises side by side: two public children, which the hidden phases then take (see hidden-rule.ts).
    expect(cold.spawned).toHaveLength(2);
    expect(warm.spawned).toHaveLength(cold.spawned.length);
    await allEnded(warm.spawned);
    await allEnded(cold.spawned);
  });

  it.each([
    ['a file that does not compile', 'export const outputSize = (;'],
    ['a module that throws at import', 'throw new Error("broken at import");\nexport const outputSize = () => 0;'],
  ])('end with %s, the other exercise graded as usual', async (_, shapes) => {
    const { env, spawned } = counting(base);
    const result = await grade(env, submission(shapes));
    expect(exercise(result, 'shapes').score).toBe(0);
    expect(exercise(result, 'pooling').score).toBe(exercise(result, 'pooling').maxScore);
    await allEnded(spawned);
  });

  it('end with an exercise that strikes out in its public checks', async () => {
    const { env, spawned } = counting(withExerciseLimits(base, 'shapes', { timeMs: 300, strikes: 1 }));
    const result = await grade(env, join(FIXTURES, 'hostile', 'infinite-loop'), { concurrency: 1 });
    expect(exercise(result, 'shapes').checks.filter((c) => c.status === 'skipped').length).toBeGreaterThan(0);
    await allEnded(spawned);
  });

  it('end when grading the submission fails on the grader\'s side (the bundler breaks)', async () => {
    const { env, spawned } = counting({ ...base, bundler: { bundle: () => Promise.reject(new Error('bundler broke')), close: () => {} } });
    await expect(grade(env, CORRECT)).rejects.toThrow('bundler broke');
    // The first exercise's child was booted while the submission was being bundled.
    expect(spawned).toHaveLength(1);
    await allEnded(spawned);
  });
});
