import type { Dense } from '../../compare/dense.js';
import { close } from '../../compare/compare.js';
import type { Tolerance } from '../../model/manifest.js';

/** The numbers a relation found, e.g. `{ bottom: 1, right: 1 }`. */
export type RelationParams = Readonly<Record<string, number>>;

/**
 * One way a wrong answer can relate to the expected one, whatever the exercise: `exercises/`
 * never writes these. `find` answers the relation's numbers when `got` is `want` transformed
 * this way (and differs from it), else undefined. It must not answer on a coincidence: a
 * relation that any two answers satisfy (a factor between two single numbers) asks for more.
 */
export interface RelationDefinition {
  /** Stable id, the key of its sentence in grader/i18n. */
  readonly id: string;
  find(want: Dense, got: Dense, tol: Tolerance): RelationParams | undefined;
}

export const sameShape = (a: Dense, b: Dense): boolean => a.shape.length === b.shape.length && a.shape.every((n, i) => n === b.shape[i]);

/** Whether `got[i]` is close to `f(i)` for every i (NaN and Infinity never close to a finite). */
export function everyClose(got: Float64Array, f: (i: number) => number, tol: Tolerance): boolean {
  for (let i = 0; i < got.length; i++) {
    const w = f(i);
    const g = got[i]!;
    if (Number.isFinite(w) !== Number.isFinite(g)) return false;
    if (!Number.isFinite(w)) {
      if (!Object.is(w, g)) return false;
      continue;
    }
    if (!close(w, g, tol)) return false;
  }
  return true;
}

/** How many entries of `d` are not close to the same entry of `e`. */
export function countDiffering(d: Float64Array, e: Float64Array, tol: Tolerance): number {
  let n = 0;
  for (let i = 0; i < d.length; i++) if (!(Number.isFinite(d[i]!) && Number.isFinite(e[i]!) && close(e[i]!, d[i]!, tol))) n++;
  return n;
}

/** Distinct values of `data`, up to `cap` (enough to tell "varied" from "constant"). */
export function distinctCount(data: Float64Array, cap = 3): number {
  const seen = new Set<number>();
  for (const v of data) {
    seen.add(v);
    if (seen.size >= cap) break;
  }
  return seen.size;
}

/** A 2-D dense value's rows and columns, or undefined. */
export function dims2(d: Dense): { rows: number; cols: number } | undefined {
  return d.shape.length === 2 ? { rows: d.shape[0]!, cols: d.shape[1]! } : undefined;
}

/** Rows and columns of a 1-D or 2-D value, a 1-D one being a single row... of rows: [n] is n x 1. */
export function asMatrix(d: Dense): { rows: number; cols: number } | undefined {
  if (d.shape.length === 2) return { rows: d.shape[0]!, cols: d.shape[1]! };
  if (d.shape.length === 1) return { rows: d.shape[0]!, cols: 1 };
  return undefined;
}
