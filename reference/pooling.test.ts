import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxpooling, pooling } from './pooling.js';
import { assertAllClose, from4d, imageTo4d, matrix, maxAbs } from './test-helpers.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Mode = 'max' | 'mean' | 'l2';

/** The oracle, tf's valid-padding pools; L2 = sqrt(mean(x^2) * F*F) = sqrt(sum(x^2)). */
function tfPool(img: number[][], size: number, stride: number, mode: Mode): number[][] {
  return tf.tidy(() => {
    const x = imageTo4d(img);
    if (mode === 'max') return from4d(tf.maxPool(x, size, stride, 'valid'));
    if (mode === 'mean') return from4d(tf.avgPool(x, size, stride, 'valid'));
    return from4d(tf.sqrt(tf.mul(tf.avgPool(tf.square(x), size, stride, 'valid'), size * size)));
  });
}

const poolCase = fc
  .record({
    size: fc.integer({ min: 1, max: 5 }),
    stride: fc.integer({ min: 1, max: 3 }),
    extraH: fc.integer({ min: 0, max: 7 }),
    extraW: fc.integer({ min: 0, max: 7 }),
  })
  .chain((c) =>
    fc.record({ c: fc.constant(c), img: matrix(c.size + c.extraH, c.size + c.extraW) }),
  );

describe('pooling', () => {
  it.each(['max', 'mean', 'l2'] as const)('%s matches tf (sizes, strides incl. gaps)', (mode) => {
    fc.assert(
      fc.property(poolCase, ({ c, img }) => {
        const got = pooling(img, { size: c.size, stride: c.stride, mode });
        const want = tfPool(img, c.size, c.stride, mode);
        // float32 error is relative to the window's magnitude, not to a cancelled mean.
        assertAllClose(got, want, { rtol: 1e-4, atol: 1e-4 * c.size * maxAbs(img) });
      }),
      { numRuns: 60 },
    );
  });

  it('defaults to stride = size and mode max', () => {
    const img = [
      [1, -5, 2, 0, 9],
      [3, 4, -1, -2, 8],
      [-7, 6, 5, 5, 1],
      [0, 0, -3, 2, 2],
      [4, 4, 4, 4, 4],
    ];
    expect(pooling(img, { size: 2 })).toEqual(tfPool(img, 2, 2, 'max'));
    expect(pooling(img, { size: 2 })).toEqual([
      [4, 2],
      [6, 5],
    ]);
  });

  it('max of an all-negative window is negative (not 0)', () => {
    expect(pooling([[-3, -1], [-4, -2]], { size: 2 })).toEqual([[-1]]);
  });

  it('l2 is the root of the sum of squares, mean the average', () => {
    const img = [
      [3, 4],
      [0, 0],
    ];
    expect(pooling(img, { size: 2, mode: 'l2' })).toEqual([[5]]);
    expect(pooling(img, { size: 2, mode: 'mean' })).toEqual([[7 / 4]]);
  });

  it.each([
    { h: 1, w: 5, size: 2 },
    { h: 5, w: 1, size: 2 },
    { h: 2, w: 2, size: 3 },
  ])('returns [] for a $h x $w image and a window of $size', ({ h, w, size }) => {
    const img = Array.from({ length: h }, () => new Array<number>(w).fill(1));
    expect(pooling(img, { size })).toEqual([]);
  });
});

describe('maxpooling', () => {
  it('matches tf.maxPool with n x n windows and stride n (remainder dropped)', () => {
    const c = fc
      .record({ n: fc.integer({ min: 1, max: 5 }), h: fc.integer({ min: 1, max: 12 }), w: fc.integer({ min: 1, max: 12 }) })
      .filter(({ n, h, w }) => h >= n && w >= n)
      .chain((p) => fc.record({ n: fc.constant(p.n), img: matrix(p.h, p.w) }));
    fc.assert(
      fc.property(c, ({ n, img }) => {
        const got = maxpooling(img, n);
        expect(got.length).toBe(Math.floor(img.length / n));
        // max only selects values: float32 rounding of the inputs is the only difference.
        assertAllClose(got, tfPool(img, n, n, 'max'), { rtol: 1e-6, atol: 0 });
      }),
      { numRuns: 80 },
    );
  });

  it("gives the notes' (42, 75) for a (168, 300) image and n = 4", () => {
    const img = Array.from({ length: 168 }, (_, i) =>
      Array.from({ length: 300 }, (_, j) => ((i * 31 + j * 17) % 256) - 128),
    );
    const m = maxpooling(img, 4);
    expect([m.length, m[0].length]).toEqual([42, 75]);
    expect(m).toEqual(tfPool(img, 4, 4, 'max'));
  });
});
