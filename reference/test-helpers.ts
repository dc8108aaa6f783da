/**
 * Shared test utilities for the reference suites: conversions to and from TensorFlow.js (the
 * independent oracle), fast-check arbitraries for matrices, and an allclose assertion.
 * Not a contract module; imported by the *.test.ts files only.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';

/** H x W matrix -> [1, H, W, 1] tensor (batch of one single-channel image). */
export function imageTo4d(img: number[][]): tf.Tensor4D {
  const h = img.length;
  const w = img[0].length;
  return tf.tensor4d(img.flat(), [1, h, w, 1]);
}

/** Kh x Kw kernel -> [Kh, Kw, 1, 1] filter (one input channel, one output channel). */
export function kernelTo4d(kernel: number[][]): tf.Tensor4D {
  return tf.tensor4d(kernel.flat(), [kernel.length, kernel[0].length, 1, 1]);
}

/** [1, H, W, 1] tensor -> H x W matrix. */
export function from4d(t: tf.Tensor): number[][] {
  const [, h, w] = t.shape;
  const data = Array.from(t.dataSync());
  return Array.from({ length: h! }, (_, i) => data.slice(i * w!, (i + 1) * w!));
}

/** Largest absolute value of a matrix (0 for an empty one). */
export function maxAbs(m: number[][]): number {
  let max = 0;
  for (const row of m) for (const v of row) max = Math.max(max, Math.abs(v));
  return max;
}

/**
 * numpy's allclose rule, `|got - want| <= atol + rtol * |want|`, with the same shape required.
 * Throws (rather than returning a boolean) so fast-check reports the first offending cell.
 */
export function assertAllClose(
  got: number[][],
  want: number[][],
  { rtol = 1e-4, atol = 1e-6 }: { rtol?: number; atol?: number } = {},
): void {
  if (got.length !== want.length) {
    throw new Error(`row count: got ${got.length}, want ${want.length}`);
  }
  for (let i = 0; i < want.length; i++) {
    if (got[i].length !== want[i].length) {
      throw new Error(`row ${i} length: got ${got[i].length}, want ${want[i].length}`);
    }
    for (let j = 0; j < want[i].length; j++) {
      const g = got[i][j];
      const w = want[i][j];
      if (!(Math.abs(g - w) <= atol + rtol * Math.abs(w))) {
        throw new Error(`[${i}][${j}]: got ${g}, want ${w} (rtol ${rtol}, atol ${atol})`);
      }
    }
  }
}

/**
 * Values the generators draw from: negative, fractional, in [-10, 10] with three decimals.
 * Not fc.double: its subnormal-sized draws (1e-155...) underflow to 0 in tf's float32, which
 * says nothing about the code under test.
 */
export const value = (): fc.Arbitrary<number> =>
  fc.integer({ min: -10_000, max: 10_000 }).map((k) => k / 1000);

/** An h x w matrix of `value()`s. */
export function matrix(
  h: number,
  w: number,
  v: fc.Arbitrary<number> = value(),
): fc.Arbitrary<number[][]> {
  return fc.array(fc.array(v, { minLength: w, maxLength: w }), { minLength: h, maxLength: h });
}
