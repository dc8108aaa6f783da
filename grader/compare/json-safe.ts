import { isTagged } from '../sandbox/wire.js';

/**
 * A value as results.json can hold it: NaN and Infinity as strings, tensors and typed arrays as
 * nested arrays, functions as a label. Used for evidence shown to students.
 */
export function jsonSafe(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (v === undefined) return 'undefined';
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(jsonSafe);
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>, (x) => jsonSafe(Number(x)));
  if (isTagged(v)) {
    if (v.kind === 'typed') return v.data.map(jsonSafe);
    if (v.kind === 'tensor') return nest(v.data.map(jsonSafe), v.shape);
    if (v.kind === 'function') return '(a function)';
    return '(a model)';
  }
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = jsonSafe(x);
    return out;
  }
  return String(v);
}

function nest(flat: unknown[], shape: readonly number[]): unknown {
  if (shape.length <= 1) return flat;
  const [n, ...rest] = shape;
  const size = flat.length / (n || 1);
  return Array.from({ length: n! }, (_, i) => nest(flat.slice(i * size, (i + 1) * size), rest));
}
