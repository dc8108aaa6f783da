import { MODEL_LIMITS } from './limits.js';
import { Refused, type Json } from './refusal.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A fresh plain-JSON copy of what the child sent (ordinary prototypes, no forbidden keys, no
 * getters run twice), bounded in depth and size. Non-finite numbers are refused rather than
 * turned into null: a `1e309` the student wrote must not silently become a default.
 */
export function plainJson(value: unknown): Json {
  let items = 0;
  const walk = (v: unknown, depth: number): Json => {
    if (depth > MODEL_LIMITS.depth) throw new Refused({ kind: 'not-a-model', detail: `nested deeper than ${MODEL_LIMITS.depth} levels` });
    if (++items > MODEL_LIMITS.items) throw new Refused({ kind: 'not-a-model', detail: `more than ${MODEL_LIMITS.items} values` });
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Refused({ kind: 'not-a-model', detail: `a number that is not finite (${String(v)})` });
      return v;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (typeof v === 'object') {
      const out: { [key: string]: Json } = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (FORBIDDEN_KEYS.has(k)) throw new Refused({ kind: 'not-a-model', detail: `a key named "${k}"` });
        if (x !== undefined) out[k] = walk(x, depth + 1);
      }
      return out;
    }
    throw new Refused({ kind: 'not-a-model', detail: `a value of type ${typeof v}` });
  };
  return walk(value, 0);
}
