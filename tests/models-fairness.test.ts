import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult, SubmissionResult } from '../grader/model/results.js';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import { check, environment, exercise, FIXTURES, grade } from './support/grade.js';
import { expectScoresAsBefore } from './support/parity.js';

/**
 * Model grades are fair and reproducible: a model written otherwise but computing and learning as
 * the notes' gets full marks on every seed; a wrong one (frozen, zeros initializer, learning rate
 * far off, wrong loss, goBackwards, a dilation, an activation outside the recurrence) loses its
 * points on every seed; one seed gives one grade. The seeds here are a few, and the CNNs are not
 * trained here (their trainings take tens of seconds on a busy machine): the many-seed
 * measurement of every learning check is `npm run bench -- models-learning` (docs/models-learning.md).
 */
const fixture = (name: string): string => join(FIXTURES, 'models', name);
const SEEDS = [1, 20261127, 987654321];

function only(env: GradingEnvironment, keep: (checkId: string) => boolean): GradingEnvironment {
  return { ...env, exercises: env.exercises.map((e) => ({ ...e, checks: e.checks.filter((c) => keep(c.id)) })) };
}
const messageOf = (c: CheckResult): string => ('message' in c ? (c.message ?? '') : '');
const notPassed = (r: SubmissionResult): string[] => exercise(r, 'models').checks.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${messageOf(c)}`);
/** What a student sees of a grading: every check's status and message (durations left out). */
const seen = (r: SubmissionResult) => exercise(r, 'models').checks.map((c) => [c.id, c.status, messageOf(c)]);

let env: GradingEnvironment;
beforeAll(async () => {
  env = await environment(['models']);
});

describe('a correct model written otherwise', () => {
  it('gets full marks: functional API, named layers, explicit defaults, glorotUniform/heNormal kernels, optimizer objects, tfjs loss functions, Reshape, pooling padding that pads nothing, the LSTM gate sigmoid', async () => {
    const r = await grade(only(env, (c) => c !== 'deep-cnn-learns'), fixture('correct-spellings'), { seed: SEEDS[0] });
    expectScoresAsBefore('models-fairness', `correct-spellings (seed ${SEEDS[0]}, all but deep-cnn-learns)`, r);
    expect(notPassed(r)).toEqual([]);
    expect(exercise(r, 'models').score).toBe(exercise(r, 'models').maxScore);
    // Other initializers are another draw: trained, and passed on what they learnt.
    expect(messageOf(check(r, 'models', 'dense-learns'))).toMatch(/^denseModel\(\) reached a test accuracy of 0\.\d{3} \(the reference: 0\.\d{3}\) after 2,048 MNIST digits, 1 epoch, batch 32\.$/);
    expect(messageOf(check(r, 'models', 'cnn-learns'))).toMatch(/not trained again/);
  });

  it.each(SEEDS.slice(1))('passes the checks that depend on the seed (predictions, dense and RNN trainings) at seed %i too', async (seed) => {
    const r = await grade(only(env, (c) => c.endsWith('-predictions') || c === 'dense-learns' || c === 'rnn-learns'), fixture('correct-spellings'), { seed });
    expect(notPassed(r)).toEqual([]);
  });
});

describe('a wrong model loses its points on every seed, and the message names what is visible', () => {
  it.each<[string, string, RegExp, string[]]>([
    ['wrong-frozen', 'dense-learns', /^Expected denseModel\(\) to have weights training can change, but got a model whose every layer with weights is frozen \(trainable: false\)\. Visible in the model: the Dense layer \(layer 1\) and the Dense layer \(layer 2\) are frozen/, ['dense-architecture']],
    ['wrong-zeros-init', 'dense-learns', /^Expected denseModel\(\) to reach a test accuracy of at least 0\.\d{3} .*but got 0\.1\d\d\. Visible in the model: the kernel initializer of the Dense layer \(layer 1\) is 'zeros'/, ['dense-architecture']],
    ['wrong-tiny-lr', 'dense-learns', /but got 0\.[0-3]\d\d\. Visible in the model: the learning rate is 0\.00001, far from the notes' 0\.001\.$/, []],
    ['wrong-huge-lr', 'dense-learns', /but got 0\.[0-3]\d\d\. Visible in the model: the learning rate is 10, far from the notes' 0\.001\.$/, []],
  ])('%s: %s fails', async (name, learning, pattern, alsoFailed) => {
    for (const seed of SEEDS) {
      const r = await grade(only(env, (c) => c.startsWith('dense-') || c === 'compile-settings'), fixture(name), { seed });
      expectScoresAsBefore('models-fairness', `${name} (seed ${seed}, dense and compile checks)`, r);
      const c = check(r, 'models', learning);
      expect(c.status, `seed ${seed}`).toBe('failed');
      expect(messageOf(c)).toMatch(pattern);
      expect(notPassed(r).map((x) => x.split(':')[0]).sort()).toEqual([...alsoFailed, learning].sort());
    }
  });

  it.each<[string, string[], RegExp]>([
    ['wrong-loss', ['compile-settings'], /^Expected the loss of denseModel\(\) to be 'categoricalCrossentropy', but got 'mean_squared_error'\.$/],
    ['wrong-go-backwards', ['rnn-architecture', 'rnn-predictions'], /^Expected the goBackwards option of the SimpleRNN layer \(layer 1\) in rnnModel\(6\) to be false, but got true\.$/],
    ['wrong-extra-activation', ['rnn-architecture', 'rnn-predictions'], /^Expected rnnModel\(6\) to have the notes' layers SimpleRNN\(relu\) → Dense\(relu\) → Dense, but got one more, the Activation layer \(layer 2\): SimpleRNN → Activation\(relu\) → Dense\(relu\) → Dense\.$/],
    ['wrong-dilation', ['cnn-architecture', 'cnn-predictions'], /^Expected the dilation rate of the Conv2D layer \(layer 1\) in cnnModel\(\) to be 1x1, but got 2x2\. As a result, the Conv2D layer \(layer 1\) outputs 24x24x64 instead of 26x26x64/],
  ])('%s: %s fail', async (name, failing, pattern) => {
    for (const seed of SEEDS.slice(0, 2)) {
      const r = await grade(only(env, (c) => !c.endsWith('-learns')), fixture(name), { seed });
      expectScoresAsBefore('models-fairness', `${name} (seed ${seed}, no learning check)`, r);
      expect(notPassed(r).map((x) => x.split(':')[0]).sort(), `seed ${seed}`).toEqual([...failing].sort());
      expect(messageOf(check(r, 'models', failing[0]!))).toMatch(pattern);
      expect(exercise(r, 'models').score).toBeLessThan(exercise(r, 'models').maxScore);
    }
  });
});

describe('one seed, one grade', () => {
  it('grades a model with a Dropout the notes lack twice alike: its training is seeded, masks included', async () => {
    const checks = only(env, (c) => c === 'dense-learns');
    const first = await grade(checks, fixture('extra-dropout'), { seed: 7 });
    const second = await grade(checks, fixture('extra-dropout'), { seed: 7 });
    expect(messageOf(check(first, 'models', 'dense-learns'))).toMatch(/reached a test accuracy of 0\.\d{3}/);
    expect(seen(second)).toEqual(seen(first));
  });

  it('grades the RNN with other initializers twice alike, however many starting draws it takes', async () => {
    const checks = only(env, (c) => c === 'rnn-learns');
    const first = await grade(checks, fixture('correct-spellings'), { seed: 11 });
    const second = await grade(checks, fixture('correct-spellings'), { seed: 11 });
    expect(check(first, 'models', 'rnn-learns').status).toBe('passed');
    expect(seen(second)).toEqual(seen(first));
  });
});
