import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cnnModel, deepCnnModel, denseModel, lstmModel, rnnModel } from '../../reference/models.js';
import { loadMnist } from '../data/mnist.js';
import { noisySine } from '../data/sine.js';
import { initBackend } from './backend.js';
import { evaluateAccuracy, reseedWeights, trainBudgeted } from './train.js';

type Split = ReturnType<typeof loadMnist>;
let mnist: Split;
const images = (s: Split['train'], flat = false) => (flat ? tf.tensor2d(s.images, [s.count, 784]) : tf.tensor4d(s.images, [s.count, 28, 28, 1]));
const onehot = (s: Split['train']) => tf.tensor2d(s.oneHot, [s.count, 10]);

beforeAll(async () => {
  await initBackend();
  mnist = loadMnist({ trainCount: 2048, testCount: 500, seed: 1 });
});
afterEach(() => vi.restoreAllMocks());

const weightsOf = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));

describe('reseedWeights', () => {
  it('gives two fresh models the same draw for a seed, another for another seed, without Math.random', () => {
    const a = deepCnnModel(), b = deepCnnModel(), c = deepCnnModel(); // construction draws from Math.random
    vi.spyOn(Math, 'random').mockImplementation(() => { throw new Error('Math.random used'); });
    expect(reseedWeights(a, 3)).toEqual([]);
    reseedWeights(b, 3);
    reseedWeights(c, 4);
    expect(weightsOf(b)).toEqual(weightsOf(a));
    expect(weightsOf(c)[0]).not.toEqual(weightsOf(a)[0]);
    // The layers' own initializers: zero biases; Glorot kernels (tfjs' default is glorotNormal,
    // Keras' glorotUniform: variance 2 / (fanIn + fanOut); tfjs truncates its normal at 2 sd
    // without Keras' 0.8796 correction, so its sd comes out 0.88x that).
    const [kernel, bias] = a.layers[4].getWeights();
    expect(Array.from(bias.dataSync()).every((v) => v === 0)).toBe(true);
    const ratio = Math.sqrt(tf.moments(kernel).variance.dataSync()[0]) / Math.sqrt(2 / (3920 + 20));
    expect(ratio).toBeGreaterThan(0.85);
    expect(ratio).toBeLessThan(1.02);
  });

  it('re-draws recurrent weights; tfjs LSTMs have no unit forget bias unless asked (Keras: on)', () => {
    const a = lstmModel(), b = lstmModel();
    expect(reseedWeights(a, 9)).toEqual([]);
    reseedWeights(b, 9);
    expect(weightsOf(b)).toEqual(weightsOf(a));
    expect(weightsOf(a)[1]).not.toEqual(weightsOf(lstmModel())[1]); // recurrent kernel re-drawn
    expect(weightsOf(a)[2]).toEqual(new Array(64).fill(0));
    const forget = tf.sequential({ layers: [tf.layers.lstm({ inputShape: [4, 2], units: 3, unitForgetBias: true })] });
    reseedWeights(forget, 1);
    expect(weightsOf(forget)[2]).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]); // [input | forget | cell | output]
  });

  it('finds initializers behind wrappers, and falls back to a seeded draw when there is none', () => {
    const make = () => {
      const m = tf.sequential({ layers: [
        tf.layers.timeDistributed({ inputShape: [4, 3], layer: tf.layers.dense({ units: 2, biasInitializer: 'ones' }) }),
        tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 2, biasInitializer: 'ones' }) as never }),
        tf.layers.dense({ units: 1 }),
      ] });
      delete (m.layers[2] as unknown as Record<string, unknown>).kernelInitializer;
      return m;
    };
    const a = make(), b = make();
    expect(reseedWeights(a, 5)).toEqual([a.layers[2].weights[0].originalName]);
    reseedWeights(b, 5);
    expect(weightsOf(b)).toEqual(weightsOf(a));
    const values = (layer: number, i: number) => Array.from(a.layers[layer].getWeights()[i].dataSync());
    expect(values(0, 1)).toEqual([1, 1]); // TimeDistributed(Dense) bias: the inner layer's 'ones'
    expect(values(1, 2)).toEqual([1, 1]); // Bidirectional forward RNN bias
    expect(values(1, 5)).toEqual([1, 1]); // and backward
    expect(values(2, 0).some((v) => v !== 0)).toBe(true); // fallback Glorot kernel, not zeros
  });
});

describe('trainBudgeted', () => {
  it('is deterministic for a seed, honours maxSamples, reports loss, metric and throughput', async () => {
    const x = images(mnist.train, true), y = onehot(mnist.train);
    const opts = { epochs: 2, batchSize: 100, maxSamples: 450, seed: 11 };
    const r1 = await trainBudgeted(denseModel(), { x, y }, opts);
    const r2 = await trainBudgeted(denseModel(), { x, y }, opts);
    const r3 = await trainBudgeted(denseModel(), { x, y }, { ...opts, seed: 12 });
    expect(r1.loss).toBe(r2.loss);
    expect(r1.history).toEqual(r2.history);
    expect(r3.loss).not.toBe(r1.loss);
    expect(r1.samples).toBe(900);
    expect(r1.batchMillis).toHaveLength(10); // 5 batches of <= 100 per epoch
    expect(r1.metricName).toBe('acc');
    expect(r1.history).toHaveLength(2);
    expect(r1.history[1].loss).toBeLessThan(r1.history[0].loss);
    expect(r1.metric).toBeGreaterThan(0.5);
    expect(r1.samplesPerSecond).toBeGreaterThan(0);
    expect(r1.stoppedEarly).toBe(false);
  });

  it('stops at the work budget after the same batch on any machine', async () => {
    const data = { x: images(mnist.train, true), y: onehot(mnist.train) };
    const r = await trainBudgeted(denseModel(), data, { epochs: 50, batchSize: 32, seed: 1, maxTrainedSamples: 100 });
    expect(r.stoppedEarly).toBe(true);
    expect(r.samples).toBe(128); // the batch that reaches 100 is finished
  });

  it('seeds Dropout: two trainings of a model with Dropout from one seed end with the same weights', async () => {
    const data = { x: images(mnist.train, true), y: onehot(mnist.train) };
    const withDropout = () => {
      const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 16, activation: 'relu' }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 10, activation: 'softmax' })] });
      m.compile({ loss: 'categoricalCrossentropy', optimizer: 'adam' });
      return m;
    };
    const a = withDropout(), b = withDropout();
    const ra = await trainBudgeted(a, data, { epochs: 1, batchSize: 32, seed: 5, maxSamples: 256 });
    const rb = await trainBudgeted(b, data, { epochs: 1, batchSize: 32, seed: 5, maxSamples: 256 });
    expect(rb.loss).toBe(ra.loss);
    expect(Array.from(b.getWeights()[0]!.dataSync())).toEqual(Array.from(a.getWeights()[0]!.dataSync()));
  });

  it('stops at the time budget', async () => {
    const r = await trainBudgeted(denseModel(), { x: images(mnist.train, true), y: onehot(mnist.train) }, { epochs: 50, batchSize: 32, seed: 1, timeLimitMs: 1 });
    expect(r.stoppedEarly).toBe(true);
    expect(r.samples).toBe(32);
  });

  it('trains the dense model on real digits past 85% test accuracy', async () => {
    const model = denseModel();
    await trainBudgeted(model, { x: images(mnist.train, true), y: onehot(mnist.train) }, { epochs: 4, batchSize: 32, seed: 2 });
    expect(await evaluateAccuracy(model, { x: images(mnist.test, true), y: onehot(mnist.test) })).toBeGreaterThan(0.85);
  });

  // Both conv gradient paths on wasm: relu convolutions (Conv2D gradient) and the notes' linear
  // convolution (fused path, backprop kernels).
  it.each([{ name: 'deepCnnModel', make: deepCnnModel, floor: 0.3 }, { name: 'cnnModel', make: cnnModel, floor: 0.5 }])(
    '$name learns digits in 16 batches on wasm (test accuracy > $floor, chance 0.1)',
    async ({ make, floor }) => {
      const model = make();
      const r = await trainBudgeted(model, { x: images(mnist.train), y: onehot(mnist.train) }, { epochs: 1, batchSize: 64, maxSamples: 1024, seed: 3 });
      expect(Number.isFinite(r.loss)).toBe(true);
      expect(await evaluateAccuracy(model, { x: images(mnist.test), y: onehot(mnist.test) })).toBeGreaterThan(floor);
    },
  );

  it('fits the noisy sine with the RNN (train MSE well below the series variance)', async () => {
    const d = noisySine({ seed: 0 });
    const x = tf.tensor3d(d.xTrainFlat, [80, 6, 1]), y = tf.tensor2d(d.yTrainFlat, [80, 1]);
    const model = rnnModel(6);
    const r = await trainBudgeted(model, { x, y }, { epochs: 60, batchSize: 16, seed: 4 });
    expect(r.metric).toBeNull();
    expect(r.history[0].loss).toBeGreaterThan(0.1);
    expect(r.loss).toBeLessThan(0.05);
  });
});

describe('evaluateAccuracy', () => {
  it('counts argmax hits against one-hot or integer labels, in batches', async () => {
    // Identity "classifier" on 3 classes: the prediction is the input itself.
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 3, useBias: false, weights: [tf.eye(3)] })] });
    const x = tf.tensor2d([[1, 0, 0], [0, 2, 1], [0, 0, 5], [3, 1, 0], [0, 1, 0]]);
    expect(await evaluateAccuracy(model, { x, y: tf.tensor1d([0, 1, 2, 1, 1]) }, 2)).toBe(0.8);
    expect(await evaluateAccuracy(model, { x, y: tf.oneHot(tf.tensor1d([0, 1, 2, 0, 0], 'int32'), 3) }, 2)).toBe(0.8);
  });
});
