// Exercise "pooling": max pooling and its mean / L2 variants (see README.md, notes section 2.2).

/** Maximum of each non-overlapping n x n block; floor(H/n) x floor(W/n), leftovers dropped. */
export function maxpooling(img: number[][], n: number): number[][] {
  throw new Error('TODO: r[i][j] = max of img[i*n .. i*n+n-1][j*n .. j*n+n-1]');
}

/**
 * A size x size window moved by stride (default size), floor((N - F) / S) + 1 per axis;
 * mode 'max' (default), 'mean' or 'l2' (square root of the sum of squares).
 */
export function pooling(
  img: number[][],
  options: { size: number; stride?: number; mode?: 'max' | 'mean' | 'l2' },
): number[][] {
  throw new Error('TODO: one statistic per window, the window moving by stride');
}
