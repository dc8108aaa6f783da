import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { convolution } from './convolution.js';
import { assertAllClose, from4d, imageTo4d, kernelTo4d, matrix, maxAbs } from './test-helpers.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The oracle: tf.conv2d is a cross-correlation too; padding given explicitly per side. */
function tfConvolution(img: number[][], kernel: number[][], stride: number, padding: number) {
  return tf.tidy(() =>
    from4d(
      tf.conv2d(imageTo4d(img), kernelTo4d(kernel), [stride, stride], [
        [0, 0],
        [padding, padding],
        [padding, padding],
        [0, 0],
      ]),
    ),
  );
}

const sumAbs = (m: number[][]) => m.flat().reduce((a, v) => a + Math.abs(v), 0);

/** Cases where the kernel fits in the padded image on both axes. */
const convCase = fc
  .record({
    h: fc.integer({ min: 1, max: 12 }),
    w: fc.integer({ min: 1, max: 12 }),
    kh: fc.integer({ min: 1, max: 5 }),
    kw: fc.integer({ min: 1, max: 5 }),
    stride: fc.integer({ min: 1, max: 3 }),
    padding: fc.integer({ min: 0, max: 2 }),
  })
  .filter(({ h, w, kh, kw, padding }) => h + 2 * padding >= kh && w + 2 * padding >= kw)
  .chain((c) =>
    fc.record({ c: fc.constant(c), img: matrix(c.h, c.w), kernel: matrix(c.kh, c.kw) }),
  );

describe('convolution', () => {
  it('matches tf.conv2d with explicit padding (non-square, even kernels, strides, negatives)', () => {
    fc.assert(
      fc.property(convCase, ({ c, img, kernel }) => {
        const got = convolution(img, kernel, { stride: c.stride, padding: c.padding });
        const want = tfConvolution(img, kernel, c.stride, c.padding);
        // tf computes in float32: its absolute error scales with the largest possible output
        // magnitude, not with the (possibly cancelled) output itself.
        assertAllClose(got, want, { rtol: 1e-4, atol: 1e-4 * maxAbs(img) * sumAbs(kernel) });
      }),
      { numRuns: 100 },
    );
  });

  it('does not flip the kernel (cross-correlation, like the notes)', () => {
    const img = [
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ];
    // Picks the top-left pixel of each window; a flipped kernel would pick the bottom-right.
    expect(convolution(img, [[1, 0], [0, 0]])).toEqual([
      [1, 2],
      [4, 5],
    ]);
  });

  it('defaults to stride 1 and no padding', () => {
    const img = [
      [1, -2, 3, 0],
      [4, 5, -6, 1],
      [7, 8, 9, 2],
    ];
    const kernel = [
      [1, 2],
      [3, -1],
    ];
    expect(convolution(img, kernel)).toEqual(tfConvolution(img, kernel, 1, 0));
    expect(convolution(img, kernel, {})).toEqual(tfConvolution(img, kernel, 1, 0));
    expect(convolution(img, kernel, { padding: 1 })).toEqual(tfConvolution(img, kernel, 1, 1));
    expect(convolution(img, kernel, { stride: 2 })).toEqual(tfConvolution(img, kernel, 2, 0));
  });

  it.each([
    { name: 'kernel taller and wider than image', h: 2, w: 2, kh: 3, kw: 3, padding: 0 },
    { name: 'kernel only taller', h: 2, w: 5, kh: 3, kw: 3, padding: 0 },
    { name: 'kernel only wider', h: 5, w: 2, kh: 3, kw: 3, padding: 0 },
    { name: 'padding not enough', h: 1, w: 1, kh: 4, kw: 4, padding: 1 },
  ])('returns [] when no output position exists: $name', ({ h, w, kh, kw, padding }) => {
    const img = Array.from({ length: h }, () => new Array<number>(w).fill(1));
    const kernel = Array.from({ length: kh }, () => new Array<number>(kw).fill(1));
    expect(convolution(img, kernel, { padding })).toEqual([]);
  });

  it('padding lets a kernel larger than the image fit', () => {
    const img = [
      [1, 2],
      [3, 4],
    ];
    const kernel = [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ];
    // Every 3x3 window of the 4x4 padded image covers all four pixels.
    expect(convolution(img, kernel, { padding: 1 })).toEqual([
      [10, 10],
      [10, 10],
    ]);
  });
});
