import type { RelationDefinition } from './relation.js';
import { countDiffering, distinctCount, everyClose, sameShape } from './relation.js';

/** The same values as expected, at other places of the same shape (a multiset comparison, within tolerance). */
export const permuted: RelationDefinition = {
  id: 'permuted',
  find(want, got, tol) {
    if (!sameShape(want, got) || want.data.length < 2 || distinctCount(want.data) < 2) return undefined;
    if (countDiffering(got.data, want.data, tol) === 0) return undefined;
    const w = Float64Array.from(want.data).sort();
    const g = Float64Array.from(got.data).sort();
    return everyClose(g, (i) => w[i]!, tol) ? {} : undefined;
  },
};

/** The expected values in the same order, in another shape (a flat list for a matrix...). */
export const reshaped: RelationDefinition = {
  id: 'reshaped',
  find(want, got, tol) {
    if (sameShape(want, got) || want.data.length !== got.data.length || want.data.length < 2) return undefined;
    return everyClose(got.data, (i) => want.data[i]!, tol) ? { rank: got.shape.length, expectedRank: want.shape.length } : undefined;
  },
};
