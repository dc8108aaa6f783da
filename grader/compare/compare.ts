import type { Tolerance } from '../model/manifest.js';
import type { Mismatch, ValueKind } from '../model/results.js';
import { formatShape, toDense, unravel, type Dense } from './dense.js';
import { isTagged } from '../sandbox/wire.js';

export type Comparison = { readonly pass: true } | { readonly pass: false; readonly mismatch: Mismatch };

/** JSON cannot hold NaN or Infinity: results keep them as strings. */
export function jsonNumber(n: number): number | string {
  return Number.isFinite(n) ? n : String(n);
}

/**
 * numpy's allclose rule for one entry, stricter on special values: NaN matches only NaN,
 * an infinity only the same infinity, and neither ever matches a finite value.
 */
export function close(want: number, got: number, tol: Tolerance): boolean {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (!Number.isFinite(want)) return got === want;
  if (!Number.isFinite(got)) return false;
  return Math.abs(got - want) <= tol.atol + tol.rtol * Math.abs(want);
}

function compareDense(want: Dense, got: Dense, tol: Tolerance, path: string | undefined): Comparison {
  const sameShape = want.shape.length === got.shape.length && want.shape.every((n, i) => n === got.shape[i]);
  if (!sameShape) {
    return { pass: false, mismatch: { kind: 'shape', expected: [...want.shape], got: [...got.shape], ...(path ? { path } : {}) } };
  }
  let first = -1;
  let mismatched = 0;
  let maxAbs = 0;
  let maxRel = 0;
  for (let i = 0; i < want.data.length; i++) {
    const w = want.data[i]!;
    const g = got.data[i]!;
    if (close(w, g, tol)) continue;
    mismatched++;
    if (first < 0) first = i;
    const abs = Number.isNaN(w) || Number.isNaN(g) ? NaN : Math.abs(g - w);
    const rel = Number.isNaN(abs) ? NaN : w === 0 ? Infinity : abs / Math.abs(w);
    maxAbs = Number.isNaN(abs) || Number.isNaN(maxAbs) ? NaN : Math.max(maxAbs, abs);
    maxRel = Number.isNaN(rel) || Number.isNaN(maxRel) ? NaN : Math.max(maxRel, rel);
  }
  if (mismatched === 0) return { pass: true };
  return {
    pass: false,
    mismatch: {
      kind: 'values',
      index: unravel(first, want.shape),
      expected: jsonNumber(want.data[first]!),
      got: jsonNumber(got.data[first]!),
      maxAbsError: jsonNumber(maxAbs),
      maxRelError: jsonNumber(maxRel),
      mismatched,
      total: want.data.length,
      ...(path ? { path } : {}),
    },
  };
}

function describeWant(d: Dense): ValueKind {
  return d.shape.length === 0 ? { kind: 'number' } : { kind: 'numbers', shape: [...d.shape] };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

/**
 * Compares a student's answer with the reference's: kind, then shape, then values, reporting the
 * first differing index with both values, the largest errors and how many entries differ.
 * Objects (e.g. `{ X, Y }`) are compared key by key, the path naming the key.
 * A flat typed array or tensor with the right number of entries is taken in the reference's shape.
 */
export function compareValues(want: unknown, got: unknown, tol: Tolerance, path?: string): Comparison {
  const w = toDense(want);
  if (w.kind === 'other' && isRecord(want)) {
    if (!isRecord(got) || isTagged(got)) {
      const gd = toDense(got);
      return { pass: false, mismatch: { kind: 'type', expected: { kind: 'record', keys: Object.keys(want) }, got: gd.kind === 'other' ? gd.what : { kind: 'leaf', leaf: { type: 'array' } }, ...(path ? { path } : {}) } };
    }
    for (const key of Object.keys(want)) {
      const sub = path ? `${path}.${key}` : key;
      if (!Object.prototype.hasOwnProperty.call(got, key)) {
        return { pass: false, mismatch: { kind: 'type', expected: { kind: 'field', key }, got: { kind: 'no-field' }, path: sub } };
      }
      const c = compareValues(want[key], got[key], tol, sub);
      if (!c.pass) return c;
    }
    return { pass: true };
  }
  if (w.kind === 'other') throw new Error(`the reference answer is not numeric: ${JSON.stringify(w.what)}`);
  const g = toDense(got);
  if (g.kind === 'other') {
    return { pass: false, mismatch: { kind: 'type', expected: describeWant(w.dense), got: g.what, ...(path ? { path } : {}) } };
  }
  let gotDense = g.dense;
  if (g.typed && gotDense.shape.length === 1 && w.dense.shape.length !== 1 && gotDense.data.length === w.dense.data.length) {
    gotDense = { shape: w.dense.shape, data: gotDense.data };
  }
  return compareDense(w.dense, gotDense, tol, path);
}
