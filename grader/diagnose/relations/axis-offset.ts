import type { RelationDefinition } from './relation.js';
import { close } from '../../compare/compare.js';
import { dims2, sameShape } from './relation.js';

/** Rows (for a constant per column) or columns (per row) that must show each constant: two could agree by chance. */
const MIN_ALONG = 3;

/**
 * got = want + c[j] for a constant per column (axis 1), or + c[i] per row (axis 0): a bias added
 * to the wrong axis, a per-channel shift. Each constant is read from the first entry of its
 * column (row) and checked on every other; the constants are not all equal (that is "offset"),
 * and at least two lines carry a non-zero one over expected values that vary along them (a
 * constant column of the expected output plus anything constant is no finding).
 */
function byAxis(axis: 0 | 1): RelationDefinition {
  return {
    id: axis === 1 ? 'column-offset' : 'row-offset',
    find(want, got, tol) {
      const d = dims2(want);
      if (!d || !sameShape(want, got)) return undefined;
      const [lines, along] = axis === 1 ? [d.cols, d.rows] : [d.rows, d.cols];
      if (lines < 2 || along < MIN_ALONG) return undefined;
      const at = (line: number, k: number): number => (axis === 1 ? k * d.cols + line : line * d.cols + k);
      const deltas: number[] = [];
      let telling = 0;
      for (let line = 0; line < lines; line++) {
        const delta = got.data[at(line, 0)]! - want.data[at(line, 0)]!;
        if (!Number.isFinite(delta)) return undefined;
        let varies = false;
        for (let k = 1; k < along; k++) {
          const w = want.data[at(line, k)]!;
          if (!Number.isFinite(w) || !close(w + delta, got.data[at(line, k)]!, tol)) return undefined;
          varies ||= w !== want.data[at(line, 0)];
        }
        deltas.push(delta);
        if (varies && !close(want.data[at(line, 0)]! + delta, want.data[at(line, 0)]!, tol)) telling++;
      }
      const min = Math.min(...deltas);
      const max = Math.max(...deltas);
      if (telling < 2 || close(min, max, tol)) return undefined;
      const differing = deltas.filter((x, line) => !close(want.data[at(line, 0)]! + x, want.data[at(line, 0)]!, tol)).length;
      return { axis, differing, lines, min, max };
    },
  };
}

export const columnOffset = byAxis(1);
export const rowOffset = byAxis(0);
