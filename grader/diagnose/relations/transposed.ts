import type { RelationDefinition } from './relation.js';
import { distinctCount, dims2, everyClose } from './relation.js';

/** got[j][i] = want[i][j]: rows and columns swapped. */
export const transposed: RelationDefinition = {
  id: 'transposed',
  find(want, got, tol) {
    const w = dims2(want);
    const g = dims2(got);
    if (!w || !g || g.rows !== w.cols || g.cols !== w.rows || (w.rows === 1 && w.cols === 1)) return undefined;
    // A symmetric expected answer is its own transpose: nothing to observe.
    if (w.rows === w.cols && everyClose(want.data, (k) => want.data[(k % w.cols) * w.cols + Math.floor(k / w.cols)]!, tol)) return undefined;
    if (distinctCount(want.data) < 2) return undefined;
    return everyClose(got.data, (k) => want.data[(k % g.cols) * w.cols + Math.floor(k / g.cols)]!, tol) ? { rows: w.rows, cols: w.cols } : undefined;
  },
};
