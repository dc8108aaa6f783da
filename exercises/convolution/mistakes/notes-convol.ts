/**
 * The notes' `convol(img, kernel)`, ported to TypeScript to model the two mistakes that come from
 * it. `k = len(kernel) // 2` (rows only), the output is `(n - k - 1) x (m - k - 1)`, the loops run
 * over `range(k, n - k - 1)`, the window starts at `(i - k, j - k)` and spans the kernel. A
 * TypeScript port reads past a row's end as `undefined` (NaN), where numpy would refuse to
 * broadcast; the options are ignored, as the notes' function has none.
 */
export function notesConvol(img: number[][], kernel: number[][], place: 'centre' | 'corner'): number[][] {
  const k = Math.floor(kernel.length / 2);
  const n = img.length;
  const m = n > 0 ? img[0].length : 0;
  const r = Array.from({ length: Math.max(0, n - k - 1) }, () => new Array<number>(Math.max(0, m - k - 1)).fill(0));
  for (let i = k; i < n - k - 1; i++) {
    for (let j = k; j < m - k - 1; j++) {
      let s = 0;
      for (let a = 0; a < kernel.length; a++) {
        for (let b = 0; b < kernel[a].length; b++) s += img[i - k + a][j - k + b] * kernel[a][b];
      }
      if (place === 'centre') r[i][j] = s;
      else r[i - k][j - k] = s;
    }
  }
  return r;
}
