import type { RelationDefinition } from './relation.js';
import { countDiffering, distinctCount, everyClose, sameShape } from './relation.js';

/** The same values as expected, at other places of the same shape (a multiset comparison, within tolerance). */
export const permuted: RelationDefinition = {
  id: 'permuted',
  find(want, got, tol) {
    if (!sameShape(want, got) || want.data.length < 2 || distinctCount(want.data) < 2) return undefined;
    // Same values have the same sum: a cheap test before sorting both (50,000 entries for an image).
    let sw = 0;
    let sg = 0;
    for (let i = 0; i < want.data.length; i++) {
      sw += Math.abs(want.data[i]!);
      sg += Math.abs(got.data[i]!);
    }
    if (!(Math.abs(sw - sg) <= want.data.length * (tol.atol + tol.rtol * (sw / want.data.length)) + 1e-9 * sw)) return undefined;
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
