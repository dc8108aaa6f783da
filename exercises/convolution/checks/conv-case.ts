import { type CaseSpec, call, named, type CaseName } from 'neurograde/kit';

export type ConvOptions = { stride?: number; padding?: number };

/**
 * One `convolution(img, kernel[, options])` call. Without options the call passes two arguments,
 * so the defaults are the student's to apply.
 */
export function convCase(name: CaseName, img: number[][], kernel: number[][], options?: ConvOptions): CaseSpec {
  if (options === undefined) return { ...named(name), steps: [call('convolution', img, kernel)], input: { img, kernel } };
  return { ...named(name), steps: [call('convolution', img, kernel, options)], input: { img, kernel, options } };
}

/** The kernels of the notes, as printed there. */
export const NOTES_KERNEL: number[][] = [
  [-1, -2, -1],
  [-2, 0, 2],
  [1, 2, 1],
];
export const SOBEL_X: number[][] = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];
export const SOBEL_Y: number[][] = SOBEL_X[0].map((_, j) => SOBEL_X.map((row) => row[j]));
export const NOTES_KERNEL_5X5: number[][] = [
  [-1, -1, -1, 0, 0],
  [-1, 0, 0, 0, 0],
  [-1, 0, 0, 0, 0],
  [-1, 0, 0, 0, 0],
  [-1, -1, -1, 0, 0],
];
