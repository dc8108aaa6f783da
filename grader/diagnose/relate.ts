import { compareValues } from '../compare/compare.js';
import { toDense, type Dense } from '../compare/dense.js';
import type { Tolerance } from '../model/manifest.js';
import { isTagged } from '../sandbox/wire.js';
import { relations, type RelationParams } from './relations/index.js';

/** A relation found on one answer. */
export interface FoundRelation {
  readonly id: string;
  readonly params: RelationParams;
  /** The field of an object answer it holds for. */
  readonly path?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v) && !isTagged(v);
}

function relateDense(want: Dense, got: Dense, tol: Tolerance): FoundRelation | undefined {
  for (const r of relations) {
    const params = r.find(want, got, tol);
    if (params) return { id: r.id, params };
  }
  return undefined;
}

function dense(v: unknown): { dense: Dense; typed: boolean } | undefined {
  const d = toDense(v);
  return d.kind === 'dense' ? { dense: d.dense, typed: d.typed } : undefined;
}

/**
 * How `got` relates to `want`, or undefined. An object answer whose fields are all numbers
 * ({ W, H, D }) is one vector; any other object is related field by field, the first differing
 * field giving the relation and its path.
 */
export function relate(want: unknown, got: unknown, tol: Tolerance, path?: string): FoundRelation | undefined {
  if (isRecord(want)) {
    if (!isRecord(got)) return undefined;
    const keys = Object.keys(want);
    if (keys.every((k) => typeof want[k] === 'number')) {
      if (!keys.every((k) => typeof got[k] === 'number')) return undefined;
      const vec = (o: Record<string, unknown>): Dense => ({ shape: [keys.length], data: Float64Array.from(keys, (k) => o[k] as number) });
      const found = relateDense(vec(want), vec(got), tol);
      return found && found.id !== 'permuted' && found.id !== 'reversed' ? { ...found, ...(path ? { path } : {}) } : undefined;
    }
    for (const key of keys) {
      if (!(key in got)) return undefined;
      let same: boolean;
      try {
        same = compareValues(want[key], got[key], tol).pass;
      } catch {
        return undefined;
      }
      if (!same) return relate(want[key], got[key], tol, path ? `${path}.${key}` : key);
    }
    return undefined;
  }
  const w = dense(want);
  const g = dense(got);
  if (!w || !g) return undefined;
  let gd = g.dense;
  // A flat typed array with the right count is read in the expected shape, as the comparison does.
  if (g.typed && gd.shape.length === 1 && w.dense.shape.length !== 1 && gd.data.length === w.dense.data.length) gd = { shape: w.dense.shape, data: gd.data };
  const found = relateDense(w.dense, gd, tol);
  return found ? { ...found, ...(path ? { path } : {}) } : undefined;
}
