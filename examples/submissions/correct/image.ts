// image.ts: grey levels and Sobel, reusing my convolution.
import { convolution } from './convolution';

const SOBEL = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];

function transpose(m: number[][]): number[][] {
  return m[0].map((_, j) => m.map((row) => row[j]));
}

export function toGrayscale(rgb: number[][][]): number[][] {
  // np.average(img, axis=2).astype(int): astype(int) truncates toward zero.
  return rgb.map((row) => row.map(([r, g, b]) => Math.trunc((r + g + b) / 3)));
}

export function sobel(gray: number[][]): number[][] {
  const rx = convolution(gray, SOBEL);
  const ry = convolution(gray, transpose(SOBEL));
  const r = rx.map((row, i) => row.map((x, j) => Math.sqrt(x * x + ry[i][j] * ry[i][j])));
  let max = 0;
  for (const row of r) for (const v of row) if (v > max) max = v;
  if (max === 0) return r.map((row) => row.map(() => 0)); // flat image: no edge anywhere
  return r.map((row) => row.map((v) => v / max));
}
