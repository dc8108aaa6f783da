import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  convOutputShape,
  convParamCount,
  denseParamCount,
  poolOutputShape,
  simpleRnnParamCount,
} from './shapes.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Shape tf.conv2d gives a zeros input with explicit padding, as a Volume. */
function tfConvShape(W: number, H: number, D: number, K: number, F: number, S: number, P: number) {
  return tf.tidy(() => {
    const y = tf.conv2d(tf.zeros([1, H, W, D]) as tf.Tensor4D, tf.zeros([F, F, D, K]) as tf.Tensor4D, S, [
      [0, 0],
      [P, P],
      [P, P],
      [0, 0],
    ]);
    const [, h, w, d] = y.shape;
    return { W: w, H: h, D: d };
  });
}

describe('convOutputShape', () => {
  it.each([
    // The notes' Fashion-MNIST conv layer: (None, 26, 26, 64).
    { input: { W: 28, H: 28, D: 1 }, layer: { K: 64, F: 3, S: 1, P: 0 }, want: { W: 26, H: 26, D: 64 } },
    // The notes' usual settings keep the size: F=3, P=1, S=1 and F=5, P=2, S=1.
    { input: { W: 28, H: 28, D: 1 }, layer: { K: 20, F: 3, S: 1, P: 1 }, want: { W: 28, H: 28, D: 20 } },
    { input: { W: 32, H: 24, D: 3 }, layer: { K: 8, F: 5, S: 1, P: 2 }, want: { W: 32, H: 24, D: 8 } },
    // Inexact division floors: (7 - 3 + 0) / 2 + 1 = 3, (8 - 3) / 2 + 1 = 3.5 -> 3.
    { input: { W: 7, H: 8, D: 2 }, layer: { K: 4, F: 3, S: 2, P: 0 }, want: { W: 3, H: 3, D: 4 } },
  ])('$input with $layer -> $want', ({ input, layer, want }) => {
    expect(convOutputShape(input, layer)).toEqual(want);
    expect(tfConvShape(input.W, input.H, input.D, layer.K, layer.F, layer.S, layer.P)).toEqual(want);
  });

  it('matches tf.conv2d output shapes (non-square inputs, strides, padding)', () => {
    const c = fc
      .record({
        W: fc.integer({ min: 1, max: 20 }),
        H: fc.integer({ min: 1, max: 20 }),
        D: fc.integer({ min: 1, max: 3 }),
        K: fc.integer({ min: 1, max: 4 }),
        F: fc.integer({ min: 1, max: 5 }),
        S: fc.integer({ min: 1, max: 3 }),
        P: fc.integer({ min: 0, max: 2 }),
      })
      .filter(({ W, H, F, P }) => W + 2 * P >= F && H + 2 * P >= F);
    fc.assert(
      fc.property(c, ({ W, H, D, K, F, S, P }) => {
        expect(convOutputShape({ W, H, D }, { K, F, S, P })).toEqual(tfConvShape(W, H, D, K, F, S, P));
      }),
      { numRuns: 100 },
    );
  });

  it('matches tf.layers.conv2d computeOutputShape for valid padding', () => {
    const layer = tf.layers.conv2d({ filters: 64, kernelSize: 3, strides: 1, padding: 'valid' });
    // Keras order is [batch, height, width, channels]; H != W catches a swapped pair.
    expect(layer.computeOutputShape([null, 30, 28, 1])).toEqual([null, 28, 26, 64]);
    expect(convOutputShape({ W: 28, H: 30, D: 1 }, { K: 64, F: 3, S: 1, P: 0 })).toEqual({ W: 26, H: 28, D: 64 });
  });
});

describe('poolOutputShape', () => {
  it.each([
    // The notes' max_pooling2d: (None, 26, 26, 64) -> (None, 13, 13, 64).
    { input: { W: 26, H: 26, D: 64 }, layer: { F: 2, S: 2 }, want: { W: 13, H: 13, D: 64 } },
    // deepCnnModel: 28 x 28 x 20 -> 14 x 14 x 20.
    { input: { W: 28, H: 28, D: 20 }, layer: { F: 2, S: 2 }, want: { W: 14, H: 14, D: 20 } },
    // Leftover column dropped: (27 - 2) / 2 + 1 = 13.5 -> 13.
    { input: { W: 27, H: 10, D: 3 }, layer: { F: 2, S: 2 }, want: { W: 13, H: 5, D: 3 } },
  ])('$input with $layer -> $want', ({ input, layer, want }) => {
    expect(poolOutputShape(input, layer)).toEqual(want);
    const tfShape = tf.layers
      .maxPooling2d({ poolSize: layer.F, strides: layer.S, padding: 'valid' })
      .computeOutputShape([null, input.H, input.W, input.D]);
    expect(tfShape).toEqual([null, want.H, want.W, want.D]);
  });

  it('matches tf.maxPool output shapes', () => {
    const c = fc
      .record({
        W: fc.integer({ min: 1, max: 20 }),
        H: fc.integer({ min: 1, max: 20 }),
        D: fc.integer({ min: 1, max: 3 }),
        F: fc.integer({ min: 1, max: 5 }),
        S: fc.integer({ min: 1, max: 4 }),
      })
      .filter(({ W, H, F }) => W >= F && H >= F);
    fc.assert(
      fc.property(c, ({ W, H, D, F, S }) => {
        const [, h, w, d] = tf.tidy(() => tf.maxPool(tf.zeros([1, H, W, D]) as tf.Tensor4D, F, S, 'valid').shape);
        expect(poolOutputShape({ W, H, D }, { F, S })).toEqual({ W: w, H: h, D: d });
      }),
      { numRuns: 100 },
    );
  });
});

/** Parameter count of a tfjs layer applied to a symbolic input of `shape` (batch excluded). */
function countParams(layer: tf.layers.Layer, shape: number[]): number {
  // Applied rather than layer.build(): tfjs refuses to dispose() a layer that was never applied.
  layer.apply(tf.input({ shape }));
  const n = layer.countParams();
  layer.dispose();
  return n;
}

describe('parameter counts', () => {
  it.each([
    { F: 3, D: 1, K: 64, notes: 640 }, // the notes' conv2d
    { F: 3, D: 1, K: 20, notes: undefined }, // deepCnnModel, first conv
    { F: 3, D: 20, K: 20, notes: undefined }, // deepCnnModel, second conv
    { F: 5, D: 3, K: 7, notes: undefined },
  ])('convParamCount($F, $D, $K) = tf conv2d countParams', ({ F, D, K, notes }) => {
    const want = countParams(tf.layers.conv2d({ filters: K, kernelSize: F }), [28, 28, D]);
    expect(convParamCount(F, D, K)).toBe(want);
    if (notes !== undefined) expect(want).toBe(notes);
  });

  it.each([
    { inputs: 10816, units: 10, notes: 108_170 }, // the notes' CNN head
    { inputs: 20, units: 5, notes: 105 }, // rnnModel
    { inputs: 5, units: 1, notes: 6 },
    { inputs: 784, units: 100, notes: 78_500 }, // denseModel
    { inputs: 100, units: 10, notes: 1_010 },
  ])('denseParamCount($inputs, $units) = $notes = tf dense countParams', ({ inputs, units, notes }) => {
    expect(denseParamCount(inputs, units)).toBe(notes);
    expect(countParams(tf.layers.dense({ units }), [inputs])).toBe(notes);
  });

  it.each([
    { inputDim: 1, units: 20, notes: 440 }, // the notes' SimpleRNN(20) on (s, 1)
    { inputDim: 2, units: 3, notes: undefined }, // the notes' hand-written layer
    { inputDim: 8, units: 4, notes: undefined },
  ])('simpleRnnParamCount($inputDim, $units) = tf simpleRNN countParams', ({ inputDim, units, notes }) => {
    const want = countParams(tf.layers.simpleRNN({ units }), [6, inputDim]);
    expect(simpleRnnParamCount(inputDim, units)).toBe(want);
    if (notes !== undefined) expect(want).toBe(notes);
  });

  it("adds up to the notes' model totals (108,810 and 551)", () => {
    expect(convParamCount(3, 1, 64) + denseParamCount(13 * 13 * 64, 10)).toBe(108_810);
    expect(simpleRnnParamCount(1, 20) + denseParamCount(20, 5) + denseParamCount(5, 1)).toBe(551);
  });
});
