import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import type { CheckResult, ExerciseResult, SubmissionResult } from '../grader/model/results.js';
import { createEnvironment } from '../grader/execute/environment.js';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import type { ModelGuard } from '../grader/tf/rebuild-guard.js';
import { rebuildFromJson } from '../grader/tf/rebuilt-models.js';
import { EXAMPLES, FIXTURES, grade } from './support/grade.js';

/**
 * Hostile model configs (issue 19): an Orthogonal initializer on a 2000-unit Dense, an
 * L1L2(1e308) regularizer, a VarianceScaling(scale 1e308) initializer, an aliased key
 * (`units` then `units_`) that would build a 1.9 GB layer, a softmax over axis 0 that makes
 * predict throw. Each is refused from its JSON with a message saying why, before TensorFlow.js
 * rebuilds anything in the grader; each costs its own model's checks only, never another
 * exercise, never another student of a batch. And the most costly one the JSON check accepts
 * (about 80 ms of CPU a rebuild): tried in a process of its own, rebuilt once in the grader for
 * all the checks that ask for it, and graded like any wrong model; refused when its trial says
 * so (the trial's CPU budget itself is tested in grader/tf/rebuild-guard.test.ts, against a model
 * a hundred times over it: here a stand-in trial refuses it, whatever the machine's load).
 */
const EXERCISES = ['pooling', 'models'] as const;
const BIN = join(PACKAGE_ROOT, 'bin', 'neurograde.mjs');
type Kind = 'correct' | 'hostile' | 'rebuild' | 'draws';
const FILES: Readonly<Record<Kind, string>> = {
  correct: join(EXAMPLES, 'correct', 'models.ts'),
  hostile: join(FIXTURES, 'hostile-models', 'models.ts'),
  rebuild: join(FIXTURES, 'hostile-models', 'rebuild.ts'),
  draws: join(FIXTURES, 'hostile-models', 'costly-draws.ts'),
};
const work = mkdtempSync(join(tmpdir(), 'ng-hostile-models-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The reference's pooling.ts and the correct example's models.ts, or the hostile one. */
function submission(name: string, kind: Kind, root = work): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(PACKAGE_ROOT, 'reference', 'pooling.ts'), join(dir, 'pooling.ts'));
  cpSync(FILES[kind], join(dir, 'models.ts'));
  return dir;
}

const untimed = <T>(value: T): T => JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'durationMs' || k === 'gradedAt' ? undefined : v))) as T;
const exerciseOf = (r: SubmissionResult, id: string): ExerciseResult => r.exercises.find((e) => e.id === id)!;
const messageOf = (c: CheckResult | undefined): string => (c && 'message' in c ? (c.message ?? '') : '');

describe('hostile model configs', () => {
  let env: GradingEnvironment;
  let twin: SubmissionResult;
  let hostile: SubmissionResult;
  let rebuild: SubmissionResult;
  let draws: SubmissionResult;
  let rebuilds = 0;
  beforeAll(async () => {
    env = await createEnvironment({ only: [...EXERCISES] });
    twin = await grade(env, submission('twin', 'correct'));
    hostile = await grade(env, submission('hostile', 'hostile'));
    rebuild = await grade({ ...env, rebuildModel: (tf, topology) => ((rebuilds += 1), rebuildFromJson(tf, topology)) }, submission('rebuild', 'rebuild'));
    draws = await grade(env, submission('draws', 'draws'));
  });
  afterAll(() => {
    env.bundler?.close();
    env.modelGuard?.close();
  });

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

  // The checks whose verdict reads denseModel(): its own, and compile settings (which reads every model).
  const readsDense = (id: string): boolean => id.startsWith('dense-') || id === 'compile-settings';

  it('the most costly model the JSON check accepts is rebuilt once for all its checks and costs its own checks only', () => {
    const mine = exerciseOf(rebuild, 'models').checks;
    const twins = untimed(exerciseOf(twin, 'models').checks);
    // Asked for by 15 checks, the costly denseModel() is rebuilt once; its other five models (rnnModel for two windows)
    // are the twin's, graded before in this environment: what the checks read of them was kept, none is rebuilt.
    expect(rebuilds).toBe(1);
    expect(mine.find((c) => c.id === 'dense-architecture')).toMatchObject({ status: 'failed', message: expect.stringMatching(/^Expected the input shape of denseModel\(\) to be \[null, 784\], but got \[null, 2, 3\]\./) });
    mine.forEach((c, i) => {
      if (readsDense(c.id)) expect(c.status).not.toBe('error');
      else expect(untimed(c)).toEqual(twins[i]);
    });
    expect(untimed(exerciseOf(rebuild, 'pooling'))).toEqual(untimed(exerciseOf(twin, 'pooling')));
  });

  it("a model its trial rebuild refuses is refused with the trial's reason, and costs its own checks only", async () => {
    // A stand-in for the trial: it refuses the 64-layer model as the real one does past its CPU budget.
    const trial: ModelGuard = {
      trial: async (topology) => ((topology.config as { layers?: unknown[] }).layers?.length === 64 ? { kind: 'rebuild-time', limitMs: 2000 } : undefined),
      close: () => {},
    };
    const r = await grade({ ...env, modelGuard: trial }, submission('refused', 'rebuild'));
    const refused = /^Expected denseModel\(\) to return a model the grader can rebuild and train, but got one it refuses: rebuilding it took more than 2,000 ms of CPU time \(time limit of the grader's model rebuild\); it was stopped\.$/;
    const mine = exerciseOf(r, 'models').checks;
    const twins = untimed(exerciseOf(twin, 'models').checks);
    expect(mine.find((c) => c.id === 'dense-architecture')).toMatchObject({ status: 'failed', message: expect.stringMatching(refused) });
    mine.forEach((c, i) => {
      if (readsDense(c.id)) expect(c).toMatchObject({ status: 'failed', message: expect.stringMatching(refused) });
      else expect(untimed(c)).toEqual(twins[i]);
    });
  });

  // Built by the student's own code in the child, not faked in JSON: the child refuses the draw
  // before the QR factorisation starts (grader/sandbox/child/tf-guard.ts), so no check waits for
  // the time limit and the exercise is not struck out.
  it.each<[string, string, RegExp]>([
    ['a SimpleRNN of 2000 units', 'rnn-architecture', /^Expected rnnModel\(6\) to return a model the grader can rebuild and train, but got one it refuses: building it draws a 2000x2000 matrix with an Orthogonal initializer/],
    ['a SimpleRNN of 2000 units', 'rnn-learns', /^Expected rnnModel\(6\) .* refuses: building it draws a 2000x2000 matrix/],
    ['an LSTM of 1000 units', 'lstm-architecture', /^Expected lstmModel\(\) .* refuses: building it draws a 1000x4000 matrix with an Orthogonal initializer/],
    ['an LSTM of 1000 units', 'lstm-predictions', /^Expected lstmModel\(\) .* refuses: building it draws a 1000x4000 matrix/],
  ])('%s built in the child is refused before its Orthogonal draw (%s)', (_, checkId, says) => {
    const c = exerciseOf(draws, 'models').checks.find((x) => x.id === checkId);
    expect(c?.status).toBe('failed');
    expect(messageOf(c)).toMatch(says);
  });

  it('a costly draw in the child costs its own models only: no time-out, no strike, the other models graded as the twin', () => {
    const mine = exerciseOf(draws, 'models').checks;
    const twins = untimed(exerciseOf(twin, 'models').checks);
    expect(mine.filter((c) => c.status === 'timeout' || c.status === 'skipped')).toEqual([]);
    const readsCostly = (id: string): boolean => id.startsWith('rnn-') || id.startsWith('lstm-') || id === 'compile-settings';
    mine.forEach((c, i) => {
      if (readsCostly(c.id)) expect(c.status).toBe('failed');
      else expect(untimed(c)).toEqual(twins[i]);
    });
    expect(untimed(exerciseOf(draws, 'pooling'))).toEqual(untimed(exerciseOf(twin, 'pooling')));
  });

  it('costs the models exercise alone: pooling keeps its grade, and no check is an error of the grader', () => {
    expect(untimed(exerciseOf(hostile, 'pooling'))).toEqual(untimed(exerciseOf(twin, 'pooling')));
    expect(exerciseOf(hostile, 'models').checks.every((c) => c.status === 'failed')).toBe(true);
    expect(exerciseOf(twin, 'models').score).toBe(20);
  });

  it('in batch, on one worker: the student graded after it keeps every grade', async () => {
    // The models exercise alone (pooling's grade is compared above): a batch worker loads TensorFlow.js once.
    const root = join(work, 'class');
    submission('a-hostile', 'hostile', root);
    submission('a-rebuild', 'rebuild', root);
    submission('a-draws', 'draws', root);
    submission('b-correct', 'correct', root);
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
    expect(models(read('a-rebuild'))).toEqual(models(rebuild));
    expect(models(read('a-draws'))).toEqual(models(draws));
    expect(models(read('b-correct'))).toEqual(models(twin));
  });
});
