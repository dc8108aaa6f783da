import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import type { SubmissionResult } from '../grader/model/results.js';
import { FIXTURES, grade } from './support/grade.js';
import { testEnvironment } from './support/sandbox.js';

const work = mkdtempSync(join(tmpdir(), 'neurograde-model-results-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A student who handed in the fixture's models.ts (denseModel with 200 hidden units instead of 100). */
function student(name: string): string {
  const dir = join(work, 'class', name);
  cpSync(join(FIXTURES, 'models', 'model-wrong-units'), dir, { recursive: true });
  return dir;
}

const counts = (env: GradingEnvironment): { trained: number; reused: number } => ({ ...env.modelResults!.counts });
const checks = (r: SubmissionResult) => r.exercises.flatMap((e) => e.checks.map((c) => [c.id, c.status, c.score, c.message]));

describe('a class trains each distinct model once', () => {
  const batch = { dir: join(work, 'graded', '.neurograde-models'), version: 'grader-fingerprint-1' };

  it('two students with the same wrong model: the second is not trained, and gets the same grade', async () => {
    const env = await testEnvironment({ only: ['models'], modelResults: batch });
    const alice = await grade(env, student('alice'), { seed: 5 });
    const afterAlice = counts(env);
    // The wrong denseModel and the reference it is compared with: two trainings (the other models equal the reference's and train nothing).
    expect(afterAlice.trained).toBe(2);
    expect(alice.exercises[0]!.checks.find((c) => c.id === 'dense-architecture')!.status).toBe('failed');
    const bob = await grade(env, student('bob'), { seed: 5 });
    expect(counts(env)).toEqual({ trained: afterAlice.trained, reused: afterAlice.reused + 1 });
    expect(checks(bob)).toEqual(checks(alice));

    // A worker of the same batch, or a rerun: another environment on the batch's folder.
    const worker = await testEnvironment({ only: ['models'], modelResults: batch });
    const carol = await grade(worker, student('carol'), { seed: 5 });
    expect(counts(worker)).toEqual({ trained: 0, reused: 2 });
    expect(checks(carol)).toEqual(checks(alice));

    // Another seed is another training, of the student's model and the reference's.
    await grade(worker, student('dave'), { seed: 6 });
    expect(counts(worker).trained).toBe(2);
  }, 600_000);
});
