import { close, compareValues } from '../compare/compare.js';
import { toDense, type Dense } from '../compare/dense.js';
import type { Tolerance } from '../model/manifest.js';
import { isTagged } from '../sandbox/wire.js';
import { relations, valueRelations, type RelationDefinition, type RelationParams } from './relations/index.js';

/** A relation found on one answer. */
export interface FoundRelation {
  readonly id: string;
  readonly params: RelationParams;
  /** The field of an object answer it holds for. */
  readonly path?: string;
  /** For an object answer whose values moved between its fields: each of your fields and the expected field whose value it holds. */
  readonly moved?: Readonly<Record<string, string>>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v) && !isTagged(v);
}

function relateDense(want: Dense, got: Dense, tol: Tolerance, candidates: readonly RelationDefinition[]): FoundRelation | undefined {
  for (const r of candidates) {
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
 * The fields of a numeric object whose values moved to other fields ({ W: 'H', H: 'W' }), or
 * undefined: every differing field holds the expected value of another differing field, each
 * taken once, and those values are not all the same (two equal fields swapped change nothing).
 */
function movedFields(want: Record<string, number>, got: Record<string, number>, tol: Tolerance): Record<string, string> | undefined {
  const differing = Object.keys(want).filter((k) => !close(want[k]!, got[k]!, tol));
  if (differing.length < 2) return undefined;
  const free = new Set(differing);
  const moved: Record<string, string> = {};
  for (const k of differing) {
    const from = [...free].find((f) => f !== k && close(want[f]!, got[k]!, tol));
    if (from === undefined) return undefined;
    free.delete(from);
    moved[k] = from;
  }
  return moved;
}

/**
 * An object whose fields are all numbers ({ W, H, D }) is one vector, but its order means
 * nothing: only relations entry by entry hold there (times 2, one off), and values moved from a
 * field to another are named field by field.
 */
function relateFields(want: Record<string, unknown>, got: Record<string, unknown>, tol: Tolerance, candidates: readonly RelationDefinition[]): FoundRelation | undefined {
  const keys = Object.keys(want);
  if (!keys.every((k) => typeof got[k] === 'number')) return undefined;
  const vec = (o: Record<string, unknown>): Dense => ({ shape: [keys.length], data: Float64Array.from(keys, (k) => o[k] as number) });
  const found = relateDense(vec(want), vec(got), tol, candidates.filter((r) => valueRelations.includes(r)));
  if (found || !candidates.some((r) => r.id === 'permuted')) return found;
  const moved = movedFields(want as Record<string, number>, got as Record<string, number>, tol);
  return moved ? { id: 'permuted', params: {}, moved } : undefined;
}

/**
 * How `got` relates to `want`, or undefined: the first of `candidates` (every relation, most
 * specific first, by default) that holds. An object whose fields are all numbers is related as a
 * whole (see relateFields); any other object field by field, the first differing field that
 * relates giving the relation and its path.
 */
export function relate(want: unknown, got: unknown, tol: Tolerance, candidates: readonly RelationDefinition[] = relations, path?: string): FoundRelation | undefined {
  if (isRecord(want)) {
    if (!isRecord(got)) return undefined;
    const keys = Object.keys(want);
    if (keys.every((k) => typeof want[k] === 'number')) {
      const found = relateFields(want, got, tol, candidates);
      return found ? { ...found, ...(path ? { path } : {}) } : undefined;
    }
    if (!keys.every((k) => k in got)) return undefined;
    // The first differing field that relates: xTrain may be wrong in no telling way, xTest cropped.
    for (const key of keys) {
      let same: boolean;
      try {
        same = compareValues(want[key], got[key], tol).pass;
      } catch {
        return undefined;
      }
      const found = same ? undefined : relate(want[key], got[key], tol, candidates, path ? `${path}.${key}` : key);
      if (found) return found;
    }
    return undefined;
  }
  const w = dense(want);
  const g = dense(got);
  if (!w || !g) return undefined;
  let gd = g.dense;
  // A flat typed array with the right count is read in the expected shape, as the comparison does.
  if (g.typed && gd.shape.length === 1 && w.dense.shape.length !== 1 && gd.data.length === w.dense.data.length) gd = { shape: w.dense.shape, data: gd.data };
  const found = relateDense(w.dense, gd, tol, candidates);
  return found ? { ...found, ...(path ? { path } : {}) } : undefined;
}
