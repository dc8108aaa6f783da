import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../grader/tf/backend.js';
import { cnnModel, deepCnnModel, denseModel, lstmModel, rnnModel } from './models.js';

beforeAll(async () => {
  await initBackend();
});

/** Layer class, output shape and parameter count: the notes' `model.summary()`. */
const summary = (m: tf.LayersModel) => m.layers.map((l) => [l.getClassName(), l.outputShape, l.countParams()]);
const activation = (l: tf.layers.Layer) => (l.getConfig() as { activation?: string }).activation;

describe('reference models', () => {
  it('denseModel: 784 -> Dense(100, relu) -> Dense(10, softmax), 79,510 parameters', () => {
    const m = denseModel();
    expect(m.countParams()).toBe(79510);
    expect(summary(m)).toEqual([['Dense', [null, 100], 78500], ['Dense', [null, 10], 1010]]);
    expect(m.layers.map(activation)).toEqual(['relu', 'softmax']);
    expect(m.inputs[0].shape).toEqual([null, 784]);
  });

  it("cnnModel: the notes' Fashion-MNIST summary, 108,810 parameters", () => {
    const m = cnnModel();
    expect(m.countParams()).toBe(108810);
    expect(summary(m)).toEqual([
      ['Conv2D', [null, 26, 26, 64], 640], ['Activation', [null, 26, 26, 64], 0],
      ['MaxPooling2D', [null, 13, 13, 64], 0], ['Flatten', [null, 10816], 0],
      ['Dense', [null, 10], 108170], ['Activation', [null, 10], 0],
    ]);
    expect(m.layers.map(activation)).toEqual(['linear', 'relu', undefined, undefined, 'linear', 'softmax']);
    expect((m.layers[0].getConfig() as { padding: string }).padding).toBe('valid');
  });

  it('deepCnnModel: two same-padded relu convolutions, pooling, three Dense, 82,870 parameters', () => {
    const m = deepCnnModel();
    expect(m.countParams()).toBe(82870);
    expect(summary(m)).toEqual([
      ['Conv2D', [null, 28, 28, 20], 200], ['Conv2D', [null, 28, 28, 20], 3620],
      ['MaxPooling2D', [null, 14, 14, 20], 0], ['Flatten', [null, 3920], 0],
      ['Dense', [null, 20], 78420], ['Dense', [null, 20], 420], ['Dense', [null, 10], 210],
    ]);
    expect(m.layers.map(activation)).toEqual(['relu', 'relu', undefined, undefined, 'relu', 'relu', 'softmax']);
    expect((m.layers[2].getConfig() as { strides: number[] }).strides).toEqual([2, 2]);
  });

  it.each([6, 10])('rnnModel(%i): SimpleRNN(20, relu) -> Dense(5, relu) -> Dense(1), 551 parameters', (s) => {
    const m = rnnModel(s);
    expect(m.countParams()).toBe(551);
    expect(m.inputs[0].shape).toEqual([null, s, 1]);
    expect(summary(m)).toEqual([['SimpleRNN', [null, 20], 440], ['Dense', [null, 5], 105], ['Dense', [null, 1], 6]]);
    expect(m.layers.map(activation)).toEqual(['relu', 'relu', 'linear']);
  });

  it('rnnModel rejects a window length that is not a positive integer', () => {
    expect(() => rnnModel(0)).toThrow(RangeError);
    expect(() => rnnModel(2.5)).toThrow(RangeError);
  });

  it('compiles the classifiers with categorical cross-entropy, Adam, accuracy; the RNN with MSE, RMSprop', () => {
    for (const m of [denseModel(), cnnModel(), deepCnnModel()]) {
      expect(m.loss).toBe('categoricalCrossentropy');
      expect(m.optimizer.getClassName()).toBe('Adam');
      expect(m.metrics).toEqual(['accuracy']);
    }
    const r = rnnModel(6);
    expect(r.loss).toBe('meanSquaredError');
    expect(r.optimizer.getClassName()).toBe('RMSProp');
    expect((r.optimizer.getConfig() as { learningRate: number }).learningRate).toBe(0.001);
  });

  it('lstmModel: input [20, 8], three outputs [null,20,16], [null,16], [null,16], not compiled', () => {
    const m = lstmModel();
    expect(m.inputs[0].shape).toEqual([null, 20, 8]);
    expect(m.outputs.map((o) => o.shape)).toEqual([[null, 20, 16], [null, 16], [null, 16]]);
    expect(m.countParams()).toBe(4 * 16 * (8 + 16 + 1));
    const [seq, h, c] = m.predict(tf.randomNormal([3, 20, 8], 0, 1, 'float32', 1)) as tf.Tensor[];
    expect([seq.shape, h.shape, c.shape]).toEqual([[3, 20, 16], [3, 16], [3, 16]]);
    // The returned hidden state is the last step of the sequence.
    expect(Array.from(tf.slice(seq, [0, 19, 0], [3, 1, 16]).dataSync())).toEqual(Array.from(h.dataSync()));
  });

  it('returns a new model on every call', () => {
    expect(denseModel()).not.toBe(denseModel());
    expect(denseModel().layers[0].name).not.toBe(denseModel().layers[0].name);
  });

  it('runs forward on the grader backend: softmax rows sum to 1', () => {
    const p = deepCnnModel().predict(tf.zeros([2, 28, 28, 1])) as tf.Tensor;
    expect(p.shape).toEqual([2, 10]);
    for (const v of tf.sum(p, 1).dataSync()) expect(v).toBeCloseTo(1, 5);
  });
});
