import { close, compareValues } from '../compare/compare.js';
import type { Observation } from '../model/check.js';
import type { Tolerance } from '../model/manifest.js';
import type { MistakeDefinition } from '../model/mistake.js';
import { evaluate } from '../kit/evaluate.js';

export interface DiagnoseInput {
  readonly reference: Readonly<Record<string, unknown>>;
  readonly mistakes: readonly MistakeDefinition[];
  readonly observations: readonly Observation[];
  readonly tolerance: Tolerance;
}

/**
 * The first mistake of the catalogue whose variant reproduces every answer the student gave in
 * the check, or undefined. Demanding every answer, not just the failing one, keeps a mistake
 * from being named on a coincidence.
 */
export function diagnose(input: DiagnoseInput): MistakeDefinition | undefined {
  if (input.observations.length === 0) return undefined;
  return input.mistakes.find((mistake) => {
    const variant = { ...input.reference, ...mistake.overrides };
    return input.observations.every((obs) => {
      let outputs: unknown[];
      try {
        outputs = evaluate(variant, obs.steps);
      } catch {
        return false;
      }
      return reproduces(outputs, obs.outputs, input.tolerance);
    });
  });
}

/**
 * Whether a mistaken variant's outputs are the student's: every output within tolerance, or, for
 * answers that are not numeric, the same structure (see sameAnswer).
 */
export function reproduces(variant: readonly unknown[], student: readonly unknown[], tolerance: Tolerance): boolean {
  return variant.every((want, k) => {
    try {
      return compareValues(want, student[k], tolerance).pass;
    } catch {
      return sameAnswer(want, student[k], tolerance);
    }
  });
}

/**
 * Unlike the reference, a mistaken variant may answer with something that is not numeric: one
 * window too many leaves `[undefined]` at the end of Y, one class too few a ragged one-hot. The
 * student who makes that mistake sends the very same thing, so such answers are compared as
 * structures: same nesting and keys, numbers within tolerance, anything else identical.
 */
function sameAnswer(want: unknown, got: unknown, tol: Tolerance): boolean {
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
