import type { RelationDefinition } from './relation.js';
import { close } from '../../compare/compare.js';
import { asMatrix, distinctCount, sameShape } from './relation.js';

const MAX_SHIFT = 3;

/**
 * Same shape, values moved by `rows` rows and `cols` columns: got[i][j] = want[i - rows][j - cols]
 * wherever both exist, with at least half of the answer covered and not constant there.
 */
export const shifted: RelationDefinition = {
  id: 'shifted',
  find(want, got, tol) {
    const m = asMatrix(want);
    if (!m || !sameShape(want, got)) return undefined;
    const { rows, cols } = m;
    for (let dr = -MAX_SHIFT; dr <= MAX_SHIFT; dr++) {
      for (let dc = -MAX_SHIFT; dc <= MAX_SHIFT; dc++) {
        if ((dr === 0 && dc === 0) || Math.abs(dr) >= rows || Math.abs(dc) >= cols) continue;
        const overlap = (rows - Math.abs(dr)) * (cols - Math.abs(dc));
        if (overlap * 2 < rows * cols || overlap < 2) continue;
        if (matches(want.data, got.data, { rows, cols, dr, dc }, tol)) return { rows: dr, cols: dc };
      }
    }
    return undefined;
  },
};

function matches(want: Float64Array, got: Float64Array, s: { rows: number; cols: number; dr: number; dc: number }, tol: Parameters<typeof close>[2]): boolean {
  const seen: number[] = [];
  for (let i = Math.max(0, s.dr); i < Math.min(s.rows, s.rows + s.dr); i++) {
    for (let j = Math.max(0, s.dc); j < Math.min(s.cols, s.cols + s.dc); j++) {
      const w = want[(i - s.dr) * s.cols + (j - s.dc)]!;
      const g = got[i * s.cols + j]!;
      if (!Number.isFinite(w) || !Number.isFinite(g) || !close(w, g, tol)) return false;
      if (seen.length < 3 && !seen.includes(w)) seen.push(w);
    }
  }
  return distinctCount(Float64Array.from(seen)) >= 2;
}
