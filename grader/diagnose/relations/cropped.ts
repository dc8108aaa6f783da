import type { Dense } from '../../compare/dense.js';
import type { Tolerance } from '../../model/manifest.js';
import type { RelationDefinition, RelationParams } from './relation.js';
import { asMatrix, everyClose } from './relation.js';

const MAX_BORDER = 3;

/**
 * Where `small` sits inside `large`: the rows and columns `large` has beyond it at the top,
 * bottom, left and right, when `small` equals `large` without them.
 */
export function borders(large: Dense, small: Dense, tol: Tolerance): RelationParams | undefined {
  if (large.shape.length !== small.shape.length) return undefined;
  const l = asMatrix(large);
  const s = asMatrix(small);
  if (!l || !s || s.rows * s.cols === 0) return undefined;
  const extraRows = l.rows - s.rows;
  const extraCols = l.cols - s.cols;
  if (extraRows < 0 || extraCols < 0 || extraRows + extraCols === 0 || extraRows > MAX_BORDER || extraCols > MAX_BORDER) return undefined;
  // The bottom-right crop first: "without its last row" is the usual off-by-one.
  for (let top = 0; top <= extraRows; top++) {
    for (let left = 0; left <= extraCols; left++) {
      const f = (k: number): number => large.data[(Math.floor(k / s.cols) + top) * l.cols + (k % s.cols) + left]!;
      if (everyClose(small.data, f, tol)) {
        const params = { top, bottom: extraRows - top, left, right: extraCols - left };
        return large.shape.length === 1 ? { top, bottom: extraRows - top } : params;
      }
    }
  }
  return undefined;
}

/** The expected answer without some of its border rows or columns (which ones: the params). */
export const cropped: RelationDefinition = {
  id: 'cropped',
  find: (want, got, tol) => borders(want, got, tol),
};

/** The expected answer with rows or columns added around it (which borders: the params). */
export const extended: RelationDefinition = {
  id: 'extended',
  find: (want, got, tol) => borders(got, want, tol),
};
