import type { RelationDefinition, RelationParams } from './relation.js';
import { countDiffering, everyClose, sameShape } from './relation.js';
import type { Dense } from '../../compare/dense.js';
import type { Tolerance } from '../../model/manifest.js';

/**
 * A relation where each entry of the answer is a fixed function of the expected entry at the same
 * place. `informative` says whether the expected answer can show the relation at all (|x| = x
 * when nothing is negative): without it no relation is claimed.
 */
function elementwise(id: string, f: (w: number) => number, informative: (want: Float64Array) => boolean): RelationDefinition {
  return {
    id,
    find(want, got, tol) {
      // The comparison first: it stops at the first entry that does not fit, which is almost always
      // the first one; the answer-wide conditions run only for an answer that fits.
      if (!sameShape(want, got) || want.data.length === 0 || !everyClose(got.data, (i) => f(want.data[i]!), tol)) return undefined;
      return informative(want.data) && countDiffering(got.data, want.data, tol) > 0 ? {} : undefined;
    },
  };
}

const some = (p: (x: number) => boolean) => (d: Float64Array): boolean => d.some(p);
/** At least two entries that change under f, so one coincidence is not enough. */
const atLeastTwo = (p: (x: number) => boolean) => (d: Float64Array): boolean => {
  let n = 0;
  for (const x of d) if (p(x) && ++n >= 2) return true;
  return false;
};

export const negated = elementwise('negated', (w) => -w, atLeastTwo((x) => x !== 0));
export const absolute = elementwise('absolute', Math.abs, some((x) => x < 0));
export const squared = elementwise('squared', (w) => w * w, atLeastTwo((x) => x !== 0 && x !== 1 && x !== -1));
export const squareRooted = elementwise('square-rooted', Math.sqrt, (d) => d.every((x) => x >= 0) && atLeastTwo((x) => x !== 0 && x !== 1)(d));

/** Your answer is the expected one rounded (down, to nearest, toward zero, up), where it was not whole. */
function rounding(id: string, f: (x: number) => number): readonly RelationDefinition[] {
  const changes = atLeastTwo((x) => f(x) !== x);
  return [
    elementwise(`rounded-${id}`, f, changes),
    // The other way round: the expected answer is yours rounded, yours is not.
    {
      id: `not-rounded-${id}`,
      find(want: Dense, got: Dense, tol: Tolerance): RelationParams | undefined {
        if (!sameShape(want, got) || !everyClose(want.data, (i) => f(got.data[i]!), tol)) return undefined;
        return changes(got.data) && countDiffering(got.data, want.data, tol) > 0 ? {} : undefined;
      },
    },
  ];
}

export const roundings: readonly RelationDefinition[] = [
  ...rounding('down', Math.floor),
  ...rounding('nearest', Math.round),
  ...rounding('toward-zero', Math.trunc),
  ...rounding('up', Math.ceil),
];
