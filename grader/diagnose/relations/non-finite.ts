import type { RelationDefinition } from './relation.js';
import { sameShape } from './relation.js';

/** NaN or Infinity where every expected value is finite. */
export const nonFinite: RelationDefinition = {
  id: 'non-finite',
  find(want, got) {
    if (!sameShape(want, got) || !want.data.every(Number.isFinite)) return undefined;
    let nan = 0;
    let infinite = 0;
    for (const v of got.data) {
      if (Number.isNaN(v)) nan++;
      else if (!Number.isFinite(v)) infinite++;
    }
    return nan + infinite > 0 ? { nan, infinite, total: got.data.length } : undefined;
  },
};
