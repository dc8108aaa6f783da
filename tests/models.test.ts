import { execFile } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IDX_FILES } from '../grader/data/idx.js';
import type { CheckResult, SubmissionResult } from '../grader/model/results.js';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import { rebuildFromJson, unnamedWriting, type RebuildFn } from '../grader/tf/rebuilt-models.js';
import { html } from '../reports/html.js';
import { check, environment, EXAMPLES, exercise, fixtureDirs, FIXTURES, grade } from './support/grade.js';
import { expectScoresAsBefore } from './support/parity.js';

/**
 * The models exercise end to end: the child builds the student's models and sends them as data,
 * the grader rebuilds, compares, transplants weights and trains. Trainings are the slow part, so
 * the catalogue of mistakes is graded on the architecture, compile and predictions checks, and
 * the learning checks run on the fixtures where they matter.
 */
const BIN = join(import.meta.dirname, '..', 'bin', 'neurograde.mjs');
const fixture = (name: string): string => join(FIXTURES, 'models', name);
const isLearning = (id: string): boolean => id.endsWith('-learns');

/** The environment with only some of the models checks (the exercise's maximum shrinks with them). */
function only(env: GradingEnvironment, keep: (checkId: string) => boolean): GradingEnvironment {
  return { ...env, exercises: env.exercises.map((e) => ({ ...e, checks: e.checks.filter((c) => keep(c.id)) })) };
}
const failedIn = (r: SubmissionResult): Extract<CheckResult, { status: 'failed' }>[] =>
  exercise(r, 'models').checks.filter((c): c is Extract<CheckResult, { status: 'failed' }> => c.status === 'failed');
const messageOf = (c: CheckResult): string => ('message' in c ? (c.message ?? '') : '');

/** tfjs' rebuild, counted: how often the grader drew a model's weights from its initializers, and for which topologies (names left out). */
function countedRebuilds(): { readonly rebuild: RebuildFn; readonly calls: () => number; readonly topologies: () => string[] } {
  const topologies: string[] = [];
  return { calls: () => topologies.length, topologies: () => topologies, rebuild: (tf, topology) => (topologies.push(unnamedWriting(topology)), rebuildFromJson(tf, topology)) };
}

let env: GradingEnvironment;
beforeAll(async () => {
  env = await environment(['models']);
});

describe('a correct submission', () => {
  it.each([
    ['the example', join(EXAMPLES, 'correct')],
    ['written otherwise (fused activations, functional API, input layers)', fixture('correct-variants')],
  ])('%s gets full marks without being trained, each model rebuilt at most once, and the result names the backend', async (_, dir) => {
    const rebuilt = countedRebuilds();
    const r = await grade({ ...env, rebuildModel: rebuilt.rebuild }, dir);
    expectScoresAsBefore('models', dir.replace(`${FIXTURES}/models/`, '').replace(`${EXAMPLES}/`, 'examples/'), r);
    const e = exercise(r, 'models');
    expect(e.checks.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${messageOf(c)}`)).toEqual([]);
    expect(e.score).toBe(20);
    expect(e.maxScore).toBe(20);
    // The 15 checks ask for six models (the five of the contract, rnnModel for two windows): none is rebuilt twice. A
    // model another submission of the environment handed in before is not rebuilt at all (grader/kit/models/checked.test.ts).
    expect(new Set(rebuilt.topologies()).size).toBe(rebuilt.calls());
    expect(rebuilt.calls()).toBeLessThanOrEqual(6);
    for (const c of e.checks.filter((x) => isLearning(x.id))) expect(messageOf(c)).toMatch(/is the notes' model.*not trained again/);
    expect(r.environment.tfBackend).toMatch(/^(wasm|tensorflow|cpu) \(/);
    expect(html.render(r, { lang: r.lang, exercises: env.exercises })).toContain(`TensorFlow.js backend</dt>`);
  });
});

describe('each wrong model is caught, explained and named', () => {
  it('has a fixture for every mistake of the catalogue', () => {
    const ids = env.exercises[0]!.mistakes.map((m) => m.id);
    expect(ids.filter((id) => !fixtureDirs('models').includes(id))).toEqual([]);
  });

  it.each<[string, [string, RegExp][]]>([
    ['model-padding-same', [['cnn-architecture', /^Expected the padding of the Conv2D layer \(layer 1\) in cnnModel\(\) to be 'valid', but got 'same'\. Padding 'same' keeps 28x28, so .*outputs 28x28x64 instead of 26x26x64, Flatten gives 12,544 values instead of 10,816 and the Dense layer after it has 125,450 parameters instead of 108,170: 126,090 parameters in all, where the notes' model has 108,810\.$/]]],
    ['model-sparse-loss', [['compile-settings', /^Expected the loss of denseModel\(\) to be 'categoricalCrossentropy', but got 'sparse_categorical_crossentropy'\. A sparse loss expects integer labels/]]],
    ['model-wrong-activation', [
      ['rnn-architecture', /^Expected the activation function of the SimpleRNN layer \(layer 1\) in rnnModel\(6\) to be 'relu', but got 'tanh'\.$/],
      // Same 551 parameters: only the transplanted weights show that it computes another function.
      ['rnn-predictions', /^Expected rnnModel\(6\), given the reference's weights, to predict what the reference predicts, but got other outputs\. Expected the output at \[\d+, 0\] to be/],
    ]],
    ['model-missing-softmax', [['dense-architecture', /to be 'softmax', but got 'linear' \(no activation\)\.$/]]],
    ['model-wrong-units', [['dense-architecture', /^Expected the number of units of the Dense layer \(layer 1\) in denseModel\(\) to be 100, but got 200\..*159,010 parameters in all, where the notes' model has 79,510\.$/]]],
    ['model-wrong-filters', [['cnn-architecture', /^Expected the number of filters of the Conv2D layer \(layer 1\) in cnnModel\(\) to be 64, but got 32\./]]],
    ['model-missing-pooling', [['deep-cnn-architecture', /^Expected deepCnnModel\(\) to have a MaxPooling2D layer after the Conv2D layer \(layer 2\), but got none.*Without the MaxPooling2D layer, Flatten gives 15,680 values instead of 3,920/]]],
  ])('%s: caught with its message, named on every failed check', async (id, expected) => {
    const r = await grade(only(env, (c) => !isLearning(c)), fixture(id));
    expectScoresAsBefore('models', `${id} (no learning check)`, r);
    for (const [checkId, pattern] of expected) {
      const c = check(r, 'models', checkId);
      expect(c.status).toBe('failed');
      expect(messageOf(c)).toMatch(pattern);
      expect(c.status === 'failed' && c.mistake?.title).toBeTruthy();
    }
    // Every failed check names this mistake and no other; the other models still pass.
    expect([...new Set(failedIn(r).map((f) => f.diagnosis))]).toEqual([id]);
    expect(exercise(r, 'models').score).toBeGreaterThan(0);
  });

  it('explains in French too', async () => {
    const r = await grade(only(env, (c) => c === 'cnn-architecture'), fixture('model-padding-same'), { lang: 'fr' });
    expect(messageOf(check(r, 'models', 'cnn-architecture'))).toMatch(
      /^Dans cnnModel\(\), la couche Conv2D \(couche 1\) devait avoir padding = 'valid', mais on obtient padding = 'same'\. Le padding 'same' conserve 28x28 : .*Flatten donne 12\u202f544 valeurs au lieu de 10\u202f816/,
    );
  });
});

describe('learning', () => {
  it('a model without softmax is trained and learns far less than the reference under the same budget', async () => {
    const r = await grade(only(env, (c) => c === 'dense-learns'), fixture('model-missing-softmax'));
    const c = check(r, 'models', 'dense-learns');
    expect(c.status).toBe('failed');
    expect(messageOf(c)).toMatch(/^Expected denseModel\(\) to reach a test accuracy of at least 0\.\d{3} \(60% of the reference's 0\.\d{3} after the same training: 2,048 MNIST digits, 1 epoch, batch 32\), but got 0\.\d{3}\.$/);
    expect(c.status === 'failed' && c.diagnosis).toBe('model-missing-softmax');
  });

  it('a sparse loss with one-hot labels cannot even train, and is named', async () => {
    const r = await grade(only(env, (c) => c === 'dense-learns' || c === 'rnn-learns'), fixture('model-sparse-loss'));
    const c = check(r, 'models', 'dense-learns');
    expect(messageOf(c)).toMatch(/^Expected denseModel\(\) to train \(2,048 MNIST digits, 1 epoch, batch 32\), but got an error: .*shape \[32,10\]/);
    expect(c.status === 'failed' && c.diagnosis).toBe('model-sparse-loss');
    expect(check(r, 'models', 'rnn-learns').status).toBe('passed');
  });
});

describe('a batch of submissions', () => {
  it('leaks no tensor per submission (rebuilt models and their optimizers are freed, after training too)', async () => {
    const checks = only(env, (c) => c === 'compile-settings' || c === 'dense-learns');
    await grade(checks, fixture('model-wrong-units')); // fills the memo: data and the reference's result stay, by design
    const before = tf.memory().numTensors;
    await grade(checks, fixture('model-wrong-units'));
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('untrusted models', () => {
  it('refuses oversized or unknown models before rebuilding them, and a value that is not a model', async () => {
    const r = await grade(only(env, (c) => c.endsWith('-architecture')), fixture('oversized'));
    expectScoresAsBefore('models', 'oversized (architecture checks)', r);
    expect(messageOf(check(r, 'models', 'dense-architecture'))).toMatch(/refuses: about 7,850,000 parameters, more than the 5,000,000 allowed\.$/);
    expect(messageOf(check(r, 'models', 'cnn-architecture'))).toMatch(/refuses: layer 2 is a UpSampling2D, which is not one of InputLayer, Dense, Conv2D/);
    expect(messageOf(check(r, 'models', 'lstm-architecture'))).toBe('Expected lstmModel() to return a TensorFlow.js model (tf.sequential() or tf.model()), but got a tensor.');
    expect(exercise(r, 'models').checks.every((c) => c.status === 'failed')).toBe(true);
  });

  it('refuses a model just over the bound on rebuild work, naming what it would cost: 64 SimpleRNN layers each drawing two small Orthogonal matrices', async () => {
    const source = readFileSync(join(EXAMPLES, 'correct', 'models.ts'), 'utf8');
    const start = source.indexOf('export function denseModel');
    const end = source.indexOf('\n}\n', start) + 3;
    // The hostile fixture's stack (tests/fixtures/hostile-models/rebuild.ts, just under the bound) with 4 units instead of 3.
    const stack = readFileSync(join(FIXTURES, 'hostile-models', 'rebuild.ts'), 'utf8').replaceAll('units: 3,', 'units: 4,').replace('[null, 2, 3]', '[null, 2, 4]');
    const denseModel = stack.slice(stack.indexOf('export function denseModel'), stack.indexOf('\n}\n', stack.indexOf('export function denseModel')) + 3);
    const dir = mkdtempSync(join(tmpdir(), 'ng-costly-rebuild-'));
    writeFileSync(join(dir, 'models.ts'), source.slice(0, start) + denseModel + source.slice(end));
    const r = await grade(only(env, (c) => c === 'dense-architecture'), dir).finally(() => rmSync(dir, { recursive: true, force: true }));
    expect(messageOf(check(r, 'models', 'dense-architecture'))).toMatch(
      /^Expected denseModel\(\) to return a model the grader can rebuild and train, but got one it refuses: building its 64 layers and drawing their weights would cost the grader about 1\d\d ms of CPU \(128 Orthogonal matrices among them\), more than the 100 ms allowed per model \(use fewer or smaller layers, or another initializer than Orthogonal\)\.$/,
    );
  });
});

/** An IDX file: magic (0, 0, dtype, rank), big-endian dimensions, the bytes. */
function idx(shape: number[], body: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + 4 * shape.length);
  header.writeUInt8(0x08, 2);
  header.writeUInt8(shape.length, 3);
  shape.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(body)]);
}

/** A small, learnable Fashion-MNIST stand-in: class k is a bright 6x6 square at its own place. */
function writeFashionMnist(dir: string, train: number, test: number): void {
  const write = (count: number, images: string, labels: string, offset: number): void => {
    const pixels = new Uint8Array(count * 784);
    const classes = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const k = (i + offset) % 10;
      classes[i] = k;
      const top = 2 + 10 * Math.floor(k / 3), left = 2 + 8 * (k % 3) + (i % 3);
      for (let r = top; r < Math.min(28, top + 6); r++) for (let c = left; c < left + 6; c++) pixels[i * 784 + r * 28 + c] = 200 + ((i * 7 + r + c) % 56);
    }
    writeFileSync(join(dir, images), idx([count, 28, 28], pixels));
    writeFileSync(join(dir, labels), idx([count], classes));
  };
  write(train, IDX_FILES.trainImages, IDX_FILES.trainLabels, 0);
  write(test, IDX_FILES.testImages, IDX_FILES.testLabels, 3);
}

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('neurograde grade --fashion-mnist', () => {
  it("trains the CNN learning checks on the teacher's IDX files and names the backend in results and report", async () => {
    const data = mkdtempSync(join(tmpdir(), 'neurograde-fashion-'));
    writeFashionMnist(data, 320, 80);
    const out = mkdtempSync(join(tmpdir(), 'neurograde-models-'));
    const r = await cli(['grade', fixture('model-wrong-filters'), '--out', out, '--exercises', 'models', '--fashion-mnist', data]);
    expect(r.stderr).not.toMatch(/neurograde:/);
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as SubmissionResult;
    // The student's CNN differs from the notes', so it is trained: on the 320 images written above.
    expect(messageOf(check(result, 'models', 'cnn-learns'))).toMatch(/320 Fashion-MNIST images, 2 epochs, batch 64/);
    expect(messageOf(check(result, 'models', 'dense-learns'))).toMatch(/not trained again/);
    expect(r.stdout).toContain(`TensorFlow.js backend: ${result.environment.tfBackend}`);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(result.environment.tfBackend!);
  });

  it.each([
    ['a missing folder', (d: string) => join(d, 'nowhere'), /--fashion-mnist: .*nowhere is not a folder/],
    ['a folder without the IDX files', (d: string) => (mkdirSync(join(d, 'empty')), join(d, 'empty')), /lacks train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte/],
    [
      'a truncated IDX file',
      (d: string) => {
        const dir = join(d, 'truncated');
        mkdirSync(dir);
        writeFashionMnist(dir, 32, 8);
        const images = join(dir, IDX_FILES.trainImages);
        writeFileSync(images, readFileSync(images).subarray(0, 100));
        return dir;
      },
      /--fashion-mnist: .*train-images-idx3-ubyte/,
    ],
  ])('exits 2 before grading for %s', async (_, folder, pattern) => {
    const d = mkdtempSync(join(tmpdir(), 'neurograde-fashion-'));
    const r = await cli(['grade', fixture('correct'), '--out', join(d, 'out'), '--exercises', 'models', '--fashion-mnist', folder(d)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
  });
});
