/**
 * Reference for the `image.ts` exercise: grayscale conversion and Sobel edge detection.
 */
import { convolution } from './convolution.js';

/**
 * H x W x 3 -> H x W: the mean of the three channels truncated toward zero, as the notes'
 * `np.average(img, axis=2).astype(int)`. `astype(int)` truncates (it does not floor), so a
 * negative mean such as -1.67 becomes -1, not -2.
 */
export function toGrayscale(rgb: number[][][]): number[][] {
  // `+ 0` turns Math.trunc's -0 (e.g. for a mean of -1/3) into 0: numpy ints have no -0, and
  // deep-equality checks (Object.is) would otherwise tell them apart.
  return rgb.map((row) => row.map((px) => Math.trunc((px[0] + px[1] + px[2]) / 3) + 0));
}

const SOBEL_X: number[][] = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];
const SOBEL_Y: number[][] = [
  [-1, -2, -1],
  [0, 0, 0],
  [1, 2, 1],
];

/**
 * Sobel edge magnitude, (H-2) x (W-2): `gx` and `gy` are valid cross-correlations with
 * `[[-1,0,1],[-2,0,2],[-1,0,1]]` and its transpose, the result is `sqrt(gx^2 + gy^2)` divided by
 * its maximum, or all zeros when that maximum is 0 (a flat image has no edges; dividing would
 * give NaN). Returns `[]` for images smaller than 3 x 3, like `convolution`.
 */
export function sobel(gray: number[][]): number[][] {
  const gx = convolution(gray, SOBEL_X);
  const gy = convolution(gray, SOBEL_Y);
  let max = 0;
  const mag = gx.map((row, i) =>
    row.map((x, j) => {
      const y = gy[i][j];
      const m = Math.sqrt(x * x + y * y);
      if (m > max) max = m;
      return m;
    }),
  );
  if (max === 0) return mag.map((row) => row.map(() => 0));
  return mag.map((row) => row.map((m) => m / max));
}
