import { close, compareValues } from '../compare/compare.js';
import type { Tolerance } from '../model/manifest.js';

/**
 * Whether a mistaken variant's outputs are the student's: every output within tolerance, or, for
 * answers that are not numeric, the same structure (see sameAnswer).
 */
export function reproduces(variant: readonly unknown[], student: readonly unknown[], tol: Tolerance): boolean {
  return variant.every((want, k) => reproducesOne(want, student[k], tol));
}

/** Whether one output of a variant is the student's: numerically within tolerance, or the same structure. */
export function reproducesOne(want: unknown, got: unknown, tol: Tolerance): boolean {
  try {
    return compareValues(want, got, tol).pass;
  } catch {
    return sameAnswer(want, got, tol);
  }
}

/**
 * Unlike the reference, a mistaken variant may answer with something that is not numeric: one
 * window too many leaves `[undefined]` at the end of Y, one class too few a ragged one-hot. The
 * student who makes that mistake sends the very same thing, so such answers are compared as
 * structures: same nesting and keys, numbers within tolerance, anything else identical.
 */
export function sameAnswer(want: unknown, got: unknown, tol: Tolerance): boolean {
  if (typeof want === 'number') return typeof got === 'number' && close(want, got, tol);
  if (Array.isArray(want)) {
    return Array.isArray(got) && got.length === want.length && want.every((w, i) => sameAnswer(w, got[i], tol));
  }
  if (typeof want === 'object' && want !== null) {
    if (typeof got !== 'object' || got === null || Array.isArray(got)) return false;
    const keys = Object.keys(want);
    return (
      keys.length === Object.keys(got).length &&
      keys.every((key) => Object.prototype.hasOwnProperty.call(got, key) && sameAnswer((want as Record<string, unknown>)[key], (got as Record<string, unknown>)[key], tol))
    );
  }
  return Object.is(want, got);
}
