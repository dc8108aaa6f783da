import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import type { CheckResult, ExerciseResult, SubmissionResult } from '../grader/model/results.js';
import { createEnvironment } from '../grader/execute/environment.js';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import { EXAMPLES, FIXTURES, grade } from './support/grade.js';

/**
 * Hostile model configs (issue 19): an Orthogonal initializer on a 2000-unit Dense, an
 * L1L2(1e308) regularizer, a VarianceScaling(scale 1e308) initializer, an aliased key
 * (`units` then `units_`) that would build a 1.9 GB layer, a softmax over axis 0 that makes
 * predict throw. Each is refused from its JSON with a message saying why, before TensorFlow.js
 * rebuilds anything in the grader; each costs its own model's checks only, never another
 * exercise, never another student of a batch.
 */
const EXERCISES = ['pooling', 'models'] as const;
const BIN = join(PACKAGE_ROOT, 'bin', 'neurograde.mjs');
const work = mkdtempSync(join(tmpdir(), 'ng-hostile-models-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The reference's pooling.ts and the correct example's models.ts, or the hostile one. */
function submission(name: string, hostile: boolean, root = work): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(PACKAGE_ROOT, 'reference', 'pooling.ts'), join(dir, 'pooling.ts'));
  cpSync(hostile ? join(FIXTURES, 'hostile-models', 'models.ts') : join(EXAMPLES, 'correct', 'models.ts'), join(dir, 'models.ts'));
  return dir;
}

const untimed = <T>(value: T): T => JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'durationMs' || k === 'gradedAt' ? undefined : v))) as T;
const exerciseOf = (r: SubmissionResult, id: string): ExerciseResult => r.exercises.find((e) => e.id === id)!;
const messageOf = (c: CheckResult | undefined): string => (c && 'message' in c ? (c.message ?? '') : '');

describe('hostile model configs', () => {
  let env: GradingEnvironment;
  let twin: SubmissionResult;
  let hostile: SubmissionResult;
  beforeAll(async () => {
    env = await createEnvironment({ only: [...EXERCISES] });
    twin = await grade(env, submission('twin', false));
    hostile = await grade(env, submission('hostile', true));
  });
  afterAll(() => env.bundler?.close());

  it.each<[string, string, RegExp]>([
    ['an aliased key building a 1.9 GB layer', 'dense-architecture', /^Expected denseModel\(\) to return a model the grader can rebuild and train, but got one it refuses: the Dense layer \(layer 1\) has a setting "units_" that TensorFlow\.js does not read under that name \(a misspelt or doubled option\)\.$/],
    ['a softmax over axis 0', 'cnn-architecture', /refuses: the Softmax layer \(layer 5\) has an invalid axis\.$/],
    ['an Orthogonal initializer on a 2000-unit Dense', 'deep-cnn-architecture', /refuses: the Dense layer \(layer 1\) draws a 2000x2000 matrix with an Orthogonal kernelInitializer, too costly to build/],
    ['an L1L2(1e308) regularizer', 'rnn-architecture', /refuses: the SimpleRNN layer \(layer 1\) has an invalid kernelRegularizer\.l1\.$/],
    ['a VarianceScaling(scale 1e308) initializer', 'lstm-architecture', /refuses: the LSTM layer \(layer 2\) has an invalid kernelInitializer\.scale\.$/],
  ])('%s is refused with its reason (%s)', (_, checkId, says) => {
    const c = exerciseOf(hostile, 'models').checks.find((x) => x.id === checkId);
    expect(c?.status).toBe('failed');
    expect(messageOf(c)).toMatch(says);
  });

  it('costs the models exercise alone: pooling keeps its grade, and no check is an error of the grader', () => {
    expect(untimed(exerciseOf(hostile, 'pooling'))).toEqual(untimed(exerciseOf(twin, 'pooling')));
    expect(exerciseOf(hostile, 'models').checks.every((c) => c.status === 'failed')).toBe(true);
    expect(exerciseOf(twin, 'models').score).toBe(20);
  });

  it('in batch, on one worker: the student graded after it keeps every grade', async () => {
    // The models exercise alone (pooling's grade is compared above): a batch worker loads TensorFlow.js once.
    const root = join(work, 'class');
    submission('a-hostile', true, root);
    submission('b-correct', false, root);
    const out = join(work, 'class-out');
    const child = spawn(process.execPath, [BIN, 'batch', root, '--out', out, '--jobs', '1', '--exercises', 'models'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d));
    child.stderr.on('data', (d: Buffer) => (log += d));
    const code = await new Promise<number | null>((ok) => child.on('close', ok));
    expect(code, log).toBe(0);
    const read = (name: string): SubmissionResult => JSON.parse(readFileSync(join(out, name, 'results.json'), 'utf8')) as SubmissionResult;
    const models = (r: SubmissionResult) => untimed(exerciseOf(r, 'models'));
    expect(models(read('a-hostile'))).toEqual(models(hostile));
    expect(models(read('b-correct'))).toEqual(models(twin));
  });
});
