import type { RelationDefinition } from './relation.js';
import { countDiffering, distinctCount, everyClose, sameShape } from './relation.js';

/** The simplest fraction within 1e-9 of x, with a denominator up to 4096 (255/256, 1/9...). */
export function fraction(x: number): { numerator: number; denominator: number } | undefined {
  for (let d = 1; d <= 4096; d++) {
    const n = Math.round(x * d);
    if (n !== 0 && Math.abs(n / d - x) <= 1e-9 * Math.max(1, Math.abs(x))) return { numerator: n, denominator: d };
  }
  return undefined;
}

/** The largest numerator or denominator a factor is shown as a fraction with. */
const MAX_SHOWN_TERM = 1000;

/** Indexes of the two largest-magnitude expected entries, the most exact to estimate a factor from. */
function pivot(data: Float64Array): number {
  let best = -1;
  for (let i = 0; i < data.length; i++) if (Number.isFinite(data[i]!) && (best < 0 || Math.abs(data[i]!) > Math.abs(data[best]!))) best = i;
  return best;
}

/**
 * got = factor x want, factor not 1 nor -1 (see "negated"), estimated from the largest expected
 * entry. At least two non-zero expected entries: any single number is a multiple of any other.
 */
export const scaled: RelationDefinition = {
  id: 'scaled',
  find(want, got, tol) {
    if (!sameShape(want, got)) return undefined;
    const p = pivot(want.data);
    if (p < 0 || want.data[p] === 0 || !Number.isFinite(got.data[p]!)) return undefined;
    const factor = got.data[p]! / want.data[p]!;
    if (factor === 0 || Math.abs(Math.abs(factor) - 1) < 1e-9 || !everyClose(got.data, (i) => want.data[i]! * factor, tol)) return undefined;
    let nonZero = 0;
    for (const x of want.data) if (x !== 0 && ++nonZero >= 2) break;
    if (nonZero < 2 || countDiffering(got.data, want.data, tol) === 0) return undefined;
    // A fraction says more than its decimal only when it is a small one (255/256, 1/9): not 720/1
    // nor 965397/1540, a ratio of two sums that happens to be exact.
    const frac = fraction(factor);
    const simple = frac && frac.denominator > 1 && frac.denominator <= MAX_SHOWN_TERM && Math.abs(frac.numerator) <= MAX_SHOWN_TERM;
    return { factor, ...(simple ? frac : {}) };
  },
};

/** got = want + offset, for a constant offset, over at least two entries. */
export const offset: RelationDefinition = {
  id: 'offset',
  find(want, got, tol) {
    if (!sameShape(want, got) || want.data.length < 2 || !Number.isFinite(got.data[0]!) || !Number.isFinite(want.data[0]!)) return undefined;
    const delta = got.data[0]! - want.data[0]!;
    if (!everyClose(got.data, (i) => want.data[i]! + delta, tol)) return undefined;
    return countDiffering(got.data, want.data, tol) >= 2 ? { offset: delta } : undefined;
  },
};

/**
 * Whole-number answers where every entry that differs is the expected one plus or minus one: the
 * classic off-by-one of a "+ 1" or a bound. Params count the entries one above and one below.
 */
export const offByOne: RelationDefinition = {
  id: 'off-by-one',
  find(want, got) {
    if (!sameShape(want, got) || !want.data.every(Number.isInteger) || !got.data.every(Number.isInteger)) return undefined;
    // Answers of 0s and 1s (a mask, a one-hot, a normalised edge map) differ by one wherever they differ.
    if (!want.data.some((x) => Math.abs(x) >= 2)) return undefined;
    let above = 0;
    let below = 0;
    for (let i = 0; i < want.data.length; i++) {
      const d = got.data[i]! - want.data[i]!;
      if (d === 1) above++;
      else if (d === -1) below++;
      else if (d !== 0) return undefined;
    }
    // One number one off says little: two entries at least (W and H, two pixels...).
    return above + below >= 2 ? { above, below, total: want.data.length } : undefined;
  },
};

/**
 * got = factor x want + offset, neither alone (see "scaled" and "offset"): a rescaling to
 * another range, [-1, 1] instead of [0, 1]... Estimated from the two most different expected
 * entries, checked on every one; at least three distinct expected values, since any two points
 * lie on a line.
 */
export const affine: RelationDefinition = {
  id: 'affine',
  find(want, got, tol) {
    if (!sameShape(want, got) || distinctCount(want.data, 3) < 3) return undefined;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < want.data.length; i++) {
      if (want.data[i]! < want.data[lo]!) lo = i;
      if (want.data[i]! > want.data[hi]!) hi = i;
    }
    const factor = (got.data[hi]! - got.data[lo]!) / (want.data[hi]! - want.data[lo]!);
    const shift = got.data[lo]! - factor * want.data[lo]!;
    if (!Number.isFinite(factor) || !Number.isFinite(shift) || factor === 0) return undefined;
    if (Math.abs(factor - 1) < 1e-9 || Math.abs(shift) < 1e-9) return undefined;
    return everyClose(got.data, (i) => factor * want.data[i]! + shift, tol) ? { factor, offset: shift } : undefined;
  },
};
