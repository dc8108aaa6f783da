import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { sobel, toGrayscale } from './image.js';
import { assertAllClose, from4d, imageTo4d, kernelTo4d, matrix } from './test-helpers.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const pixel = (min: number, max: number) =>
  fc.array(fc.integer({ min, max }), { minLength: 3, maxLength: 3 });

const rgbImage = (min: number, max: number) =>
  fc
    .record({ h: fc.integer({ min: 1, max: 8 }), w: fc.integer({ min: 1, max: 8 }) })
    .chain(({ h, w }) =>
      fc.array(fc.array(pixel(min, max), { minLength: w, maxLength: w }), {
        minLength: h,
        maxLength: h,
      }),
    );

describe('toGrayscale', () => {
  it('matches the tf channel mean truncated toward zero', () => {
    fc.assert(
      fc.property(rgbImage(-300, 300), (rgb) => {
        const want = tf.tidy(() => {
          // Not tf.mean: tfjs divides each element by 3 before summing, so in float32 the mean
          // of (208, -194, -53) comes out as -12.999998 instead of -13 and truncates wrongly.
          // Summing integers is exact in float32 and one correctly rounded division cannot
          // cross an integer boundary at these magnitudes.
          const mean = tf.div(tf.sum(tf.tensor3d(rgb), 2), 3);
          // trunc(x) = sign(x) * floor(|x|): tfjs has no trunc op.
          return tf.mul(tf.sign(mean), tf.floor(tf.abs(mean))).arraySync() as number[][];
        });
        // The oracle's float sign trick yields -0 for means in (-1, 0); integers have no -0.
        const wantInts = want.map((row) => row.map((v) => v + 0));
        expect(toGrayscale(rgb)).toEqual(wantInts);
      }),
      { numRuns: 100 },
    );
  });

  it.each([
    { px: [1, 2, 2], want: 1, why: '5/3 = 1.67 truncates down' },
    { px: [255, 255, 254], want: 254, why: 'just under 255' },
    { px: [255, 255, 255], want: 255, why: 'exact mean' },
    { px: [0, 0, 1], want: 0, why: '1/3 truncates to 0' },
    { px: [-1, -2, -2], want: -1, why: '-5/3 truncates toward zero, floor would give -2' },
    { px: [-1, 0, 0], want: 0, why: '-1/3 truncates to 0, floor would give -1' },
    { px: [-3, -3, -3], want: -3, why: 'exact negative mean' },
  ])('pixel $px -> $want ($why)', ({ px, want }) => {
    // toEqual uses Object.is, so this also fails if a truncated -1/3 comes back as -0.
    expect(toGrayscale([[px]])).toEqual([[want]]);
  });

  it('keeps the H x W layout (non-square image)', () => {
    const rgb = [
      [
        [3, 3, 3],
        [6, 6, 6],
        [9, 9, 9],
      ],
      [
        [12, 12, 12],
        [15, 15, 15],
        [18, 18, 18],
      ],
    ];
    expect(toGrayscale(rgb)).toEqual([
      [3, 6, 9],
      [12, 15, 18],
    ]);
  });
});

/** Oracle: Sobel built from tf.conv2d (valid) with the x kernel and its transpose. */
function tfSobel(gray: number[][]): number[][] {
  return tf.tidy(() => {
    const gxKernel = tf.tensor2d([
      [-1, 0, 1],
      [-2, 0, 2],
      [-1, 0, 1],
    ]);
    const x = imageTo4d(gray);
    const gx = tf.conv2d(x, gxKernel.reshape([3, 3, 1, 1]) as tf.Tensor4D, 1, 'valid');
    const gy = tf.conv2d(x, gxKernel.transpose().reshape([3, 3, 1, 1]) as tf.Tensor4D, 1, 'valid');
    const mag = tf.sqrt(tf.add(tf.square(gx), tf.square(gy)));
    const max = tf.max(mag);
    const scaled = max.dataSync()[0] === 0 ? tf.zerosLike(mag) : tf.div(mag, max);
    return from4d(scaled);
  });
}

describe('sobel', () => {
  it('matches a tf.conv2d-based Sobel magnitude divided by its max', () => {
    const grayCase = fc
      .record({ h: fc.integer({ min: 3, max: 12 }), w: fc.integer({ min: 3, max: 12 }) })
      .chain(({ h, w }) => matrix(h, w, fc.integer({ min: -255, max: 255 })));
    fc.assert(
      fc.property(grayCase, (gray) => {
        assertAllClose(sobel(gray), tfSobel(gray), { rtol: 1e-4, atol: 1e-6 });
      }),
      { numRuns: 100 },
    );
  });

  it('has shape (H-2) x (W-2) and a maximum of exactly 1 on an image with an edge', () => {
    const gray = [
      [0, 0, 10, 10, 10],
      [0, 0, 10, 10, 10],
      [0, 0, 10, 10, 10],
      [0, 0, 10, 10, 10],
    ];
    const r = sobel(gray);
    expect(r.length).toBe(2);
    expect(r.every((row) => row.length === 3)).toBe(true);
    expect(Math.max(...r.flat())).toBe(1);
    // A vertical edge: gx = 40 in the two columns touching it, 0 in the flat one.
    expect(r).toEqual([
      [1, 1, 0],
      [1, 1, 0],
    ]);
  });

  it('returns all zeros (not NaN) for a flat image', () => {
    const gray = Array.from({ length: 5 }, () => new Array<number>(6).fill(42));
    expect(sobel(gray)).toEqual(Array.from({ length: 3 }, () => new Array<number>(4).fill(0)));
    expect(tfSobel(gray)).toEqual(sobel(gray));
  });
});
