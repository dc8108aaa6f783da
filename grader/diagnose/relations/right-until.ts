import type { RelationDefinition } from './relation.js';
import { close } from '../../compare/compare.js';
import { dims2, distinctCount, sameShape } from './relation.js';

/**
 * Rows an answer needs for "the first k are right, every later one wrong" to say something: a
 * shrunk counterexample of three rows is right in its first rows by chance (rows of zeros...).
 */
const MIN_ROWS = 4;
/** Rows wrong at the end, at least: one last row wrong is a bound, not a divergence. */
const MIN_WRONG = 2;

function rowRight(want: Float64Array, got: Float64Array, row: number, cols: number, tol: Parameters<typeof close>[2]): boolean {
  for (let j = row * cols; j < (row + 1) * cols; j++) {
    const w = want[j]!;
    const g = got[j]!;
    if (Number.isFinite(w) ? !Number.isFinite(g) || !close(w, g, tol) : !Object.is(w, g)) return false;
  }
  return true;
}

/**
 * Same 2-D shape; the first `rows` rows right and every row after them wrong: what
 * a recurrence or a running state that goes astray at one step and never recovers gives. Only
 * the split is said, never a cause; rows wrong here and there are not this.
 */
export const rightUntil: RelationDefinition = {
  id: 'right-until',
  find(want, got, tol) {
    const m = dims2(want);
    if (!m || !sameShape(want, got) || m.rows < MIN_ROWS) return undefined;
    let k = 0;
    while (k < m.rows && rowRight(want.data, got.data, k, m.cols, tol)) k++;
    if (k === 0 || m.rows - k < MIN_WRONG) return undefined;
    for (let i = k + 1; i < m.rows; i++) if (rowRight(want.data, got.data, i, m.cols, tol)) return undefined;
    // Right rows that are all one value (zeros where the input is blank) tell nothing.
    return distinctCount(want.data.subarray(0, k * m.cols)) >= 2 ? { rows: k, total: m.rows } : undefined;
  },
};
