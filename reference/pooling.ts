/**
 * Reference for the `pooling.ts` exercise: max pooling and its mean / L2 variants.
 */

/**
 * The notes' `maxpooling(img, n)`: maximum of non-overlapping `n x n` blocks, output
 * `floor(H/n) x floor(W/n)`; leftover rows and columns are dropped ((168, 300) with n = 4 gives
 * (42, 75)). Returns `[]` when the image is smaller than one block on either axis.
 */
export function maxpooling(img: number[][], n: number): number[][] {
  return pooling(img, { size: n, stride: n, mode: 'max' });
}

/**
 * Pooling with a `size x size` window moved by `stride` (default `size`), no padding:
 * `floor((N - F) / S) + 1` per axis. `max` (default) is the window's maximum, `mean` its average,
 * `l2` the square root of the sum of its squares (the L2 norm, not the RMS). Returns `[]` when
 * either output dimension would be <= 0.
 */
export function pooling(
  img: number[][],
  options: { size: number; stride?: number; mode?: 'max' | 'mean' | 'l2' },
): number[][] {
  const size = options.size;
  const stride = options.stride ?? size;
  const mode = options.mode ?? 'max';
  const h = img.length;
  const w = h > 0 ? img[0].length : 0;
  const outH = Math.floor((h - size) / stride) + 1;
  const outW = Math.floor((w - size) / stride) + 1;
  if (outH <= 0 || outW <= 0) return [];

  const out: number[][] = new Array(outH);
  for (let oi = 0; oi < outH; oi++) {
    const row: number[] = new Array(outW);
    const top = oi * stride;
    for (let oj = 0; oj < outW; oj++) {
      const left = oj * stride;
      // Each mode's neutral element: windows may hold only negative values, so max starts
      // from -Infinity, not 0.
      let acc = mode === 'max' ? -Infinity : 0;
      for (let i = top; i < top + size; i++) {
        const imgRow = img[i];
        for (let j = left; j < left + size; j++) {
          const v = imgRow[j];
          if (mode === 'max') {
            if (v > acc) acc = v;
          } else if (mode === 'mean') {
            acc += v;
          } else {
            acc += v * v;
          }
        }
      }
      if (mode === 'mean') acc /= size * size;
      else if (mode === 'l2') acc = Math.sqrt(acc);
      row[oj] = acc;
    }
    out[oi] = row;
  }
  return out;
}
