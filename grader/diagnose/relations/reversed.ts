import type { RelationDefinition } from './relation.js';
import { asMatrix, everyClose, sameShape } from './relation.js';

/**
 * The expected values in reverse order: along the rows (axis 0: last row first), within each row
 * (axis 1), or both (rotated by 180 degrees, axis -1). A 1-D answer is reversed along axis 0.
 */
export const reversed: RelationDefinition = {
  id: 'reversed',
  find(want, got, tol) {
    const m = asMatrix(want);
    if (!m || !sameShape(want, got) || want.data.length < 2) return undefined;
    const { rows, cols } = m;
    const at = (i: number, j: number): number => want.data[i * cols + j]!;
    const flips: readonly [number, (k: number) => number][] = [
      [0, (k) => at(rows - 1 - Math.floor(k / cols), k % cols)],
      [1, (k) => at(Math.floor(k / cols), cols - 1 - (k % cols))],
      [-1, (k) => at(rows - 1 - Math.floor(k / cols), cols - 1 - (k % cols))],
    ];
    for (const [axis, f] of flips) {
      if (axis === 1 && cols < 2) continue;
      if (axis === -1 && (rows < 2 || cols < 2)) continue;
      // A palindrome is its own reverse: only an answer that differs from the expected one counts.
      if (everyClose(want.data, f, tol)) continue;
      if (everyClose(got.data, f, tol)) return { axis };
    }
    return undefined;
  },
};
