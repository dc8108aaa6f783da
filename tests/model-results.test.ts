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

/** A student who handed in a fixture's models.ts (by default denseModel with 200 hidden units instead of 100). */
function student(name: string, fixture = 'model-wrong-units'): string {
  const dir = join(work, 'class', name);
  cpSync(join(FIXTURES, 'models', fixture), dir, { recursive: true });
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

  it('a training that throws is kept too: the second student with it is not trained, and reads the error in their own terms', async () => {
    const env = await testEnvironment({ only: ['models'], modelResults: { version: 'grader-fingerprint-2' } });
    // A sparse loss given one-hot labels: tfjs throws at the first batch of each classifier's training.
    const erin = await grade(env, student('erin', 'model-sparse-loss'), { seed: 5 });
    const afterErin = counts(env);
    const thrown = erin.exercises[0]!.checks.filter((c) => /-learns$/.test(c.id) && c.status === 'failed');
    expect(thrown.length).toBeGreaterThan(0);
    for (const c of thrown) expect('message' in c ? c.message : '').toMatch(/^Expected \w+\(\) to train .* but got an error: /);
    // Layers named as the student wrote them, never as tfjs numbered them in whichever process trained first.
    for (const c of thrown) expect('message' in c ? c.message : '').not.toMatch(/[a-z]_[A-Z][A-Za-z0-9]*\d/);
    const frank = await grade(env, student('frank', 'model-sparse-loss'), { seed: 5 });
    // Each of Frank's trainings that threw for Erin is answered from the store, not trained to throw again.
    expect(counts(env)).toEqual({ trained: afterErin.trained, reused: afterErin.reused + thrown.length });
    expect(checks(frank)).toEqual(checks(erin));
  }, 600_000);
});
