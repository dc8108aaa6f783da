import { convolution } from '../../../reference/convolution.js';

export const SOBEL_X: number[][] = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];
export const SOBEL_Y: number[][] = [
  [-1, -2, -1],
  [0, 0, 0],
  [1, 2, 1],
];

/** The two valid Sobel gradients, as the reference computes them. */
export function gradients(gray: number[][]): { gx: number[][]; gy: number[][] } {
  return { gx: convolution(gray, SOBEL_X), gy: convolution(gray, SOBEL_Y) };
}

/** The largest entry; a loop, as spreading 50,000 arguments could overflow the stack. */
export function maxOf(m: number[][]): number {
  let max = -Infinity;
  for (const row of m) for (const v of row) if (v > max) max = v;
  return max;
}

/** Divides by the largest entry, all zeros when that maximum is 0 (the contract's guard). */
export function divideByMax(m: number[][]): number[][] {
  const max = maxOf(m);
  if (max === 0) return m.map((row) => row.map(() => 0));
  return m.map((row) => row.map((v) => v / max));
}
