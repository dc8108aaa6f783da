import type { RelationDefinition, RelationParams } from './relation.js';

/**
 * Same number of dimensions, other sizes, values unrelated: how many more (or fewer) entries per
 * axis. The weakest relation, tried last: it says only what the shape says.
 */
export const shapeDiffers: RelationDefinition = {
  id: 'shape-differs',
  find(want, got): RelationParams | undefined {
    if (want.shape.length !== got.shape.length || want.shape.length === 0) return undefined;
    const deltas = want.shape.map((n, i) => got.shape[i]! - n);
    if (deltas.every((d) => d === 0)) return undefined;
    return want.shape.length === 1 ? { rows: deltas[0]! } : want.shape.length === 2 ? { rows: deltas[0]!, cols: deltas[1]! } : undefined;
  },
};
