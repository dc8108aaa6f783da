// Exercise "convolution": the notes' sliding dot product (see README.md, notes section 2.1).

/**
 * Slides `kernel` over `img` (not flipped: patch[0][0] * kernel[0][0]), with `padding` zeros on
 * every side (default 0) and a step of `stride` pixels (default 1).
 * Output: floor((N - F + 2P) / S) + 1 rows and columns (notes, 3.1 "Paramétrage des couches").
 */
export function convolution(
  img: number[][],
  kernel: number[][],
  options: { stride?: number; padding?: number } = {},
): number[][] {
  throw new Error('TODO: r[i][j] = sum over the kernel of img[i*S - P + a][j*S - P + b] * kernel[a][b]');
}
