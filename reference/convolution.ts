/**
 * Reference for the `convolution.ts` exercise: the course's sliding dot product.
 */

/**
 * Slides `kernel` over `img` and returns `sum(patch * kernel)` at each position. The kernel is
 * NOT flipped (cross-correlation, as `np.sum(gimg[i-1:i+2, j-1:j+2] * kernel)` in the notes).
 * The image is zero-padded by `padding` pixels on every side (default 0) and the kernel moves by
 * `stride` pixels (default 1). Kernels may be non-square and even-sized; each axis uses its own
 * kernel dimension: `floor((N - F + 2P) / S) + 1` rows / columns.
 *
 * When either output dimension would be <= 0 (kernel larger than the padded image), returns `[]`:
 * a nested array cannot express numpy's `(n, 0)` shapes, and an empty result is the honest
 * answer for "no position where the kernel fits".
 */
export function convolution(
  img: number[][],
  kernel: number[][],
  options: { stride?: number; padding?: number } = {},
): number[][] {
  const stride = options.stride ?? 1;
  const padding = options.padding ?? 0;
  const h = img.length;
  const w = h > 0 ? img[0].length : 0;
  const kh = kernel.length;
  const kw = kh > 0 ? kernel[0].length : 0;
  const outH = Math.floor((h - kh + 2 * padding) / stride) + 1;
  const outW = Math.floor((w - kw + 2 * padding) / stride) + 1;
  if (outH <= 0 || outW <= 0) return [];

  const out: number[][] = new Array(outH);
  for (let oi = 0; oi < outH; oi++) {
    const row: number[] = new Array(outW);
    // Top-left corner of the window in unpadded coordinates; padding is virtual (never
    // materialised) so out-of-range pixels are simply skipped, i.e. count as zero.
    const top = oi * stride - padding;
    for (let oj = 0; oj < outW; oj++) {
      const left = oj * stride - padding;
      let acc = 0;
      for (let ki = 0; ki < kh; ki++) {
        const r = top + ki;
        if (r < 0 || r >= h) continue;
        const imgRow = img[r];
        const kRow = kernel[ki];
        for (let kj = 0; kj < kw; kj++) {
          const c = left + kj;
          if (c < 0 || c >= w) continue;
          acc += imgRow[c] * kRow[kj];
        }
      }
      row[oj] = acc;
    }
    out[oi] = row;
  }
  return out;
}
