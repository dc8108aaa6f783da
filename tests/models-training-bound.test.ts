import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvironment } from '../grader/execute/environment.js';
import type { SubmissionResult } from '../grader/model/results.js';
import { FIXTURES, grade } from './support/grade.js';

/**
 * Issue 19: a model built only to be heavy to train costs a few times a correct submission, not
 * nine. tests/fixtures/hostile-models/heavy-training.ts hands in, as the notes' 784-100-10 dense
 * network, three 64-filter convolutions (about 59 million multiply-adds a sample). Its training
 * is bounded by twice the work of the reference's own (about 80,000 multiply-adds a sample, 2,048
 * samples, one epoch): one batch of 32 samples, where the absolute budget of 4 deep CNN trainings
 * alone let it go through 1,253.
 */
const work = mkdtempSync(join(tmpdir(), 'ng-training-bound-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a model heavy to train', () => {
  let result: SubmissionResult;
  beforeAll(async () => {
    const env = await createEnvironment({ only: ['models'] });
    const dir = join(work, 'heavy');
    mkdirSync(dir);
    cpSync(join(FIXTURES, 'hostile-models', 'heavy-training.ts'), join(dir, 'models.ts'));
    result = await grade(env, dir);
  }, 600_000);

  it('trains on as many samples as twice its check reference training allows, and says so', () => {
    const learns = result.exercises[0]!.checks.find((c) => c.id === 'dense-learns')!;
    const message = 'message' in learns ? (learns.message ?? '') : '';
    const stopped = /Training stopped after ([\d,]+) samples/.exec(message);
    expect(stopped, message).not.toBeNull();
    expect(Number(stopped![1]!.replace(/,/g, ''))).toBeLessThanOrEqual(64);
  });

  it('costs only its own checks: the other models still pass', () => {
    const others = result.exercises[0]!.checks.filter((c) => c.id.startsWith('cnn-') || c.id.startsWith('deep-cnn-') || c.id.startsWith('rnn'));
    expect(others.length).toBeGreaterThan(3);
    expect(others.filter((c) => c.status !== 'passed').map((c) => c.id)).toEqual([]);
  });
});
