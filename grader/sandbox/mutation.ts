/**
 * Whether the student's code changed an argument it was handed: a function that crops the
 * caller's image in place or consumes the caller's series answers right and still breaks the
 * caller. The value handed over is compared, after the call, with a fresh copy of the same data.
 * No Node imports: this file is bundled into the child.
 */

import type { ArgumentChange, Scalar } from '../model/mutation.js';

export type { ArgumentChange, Scalar } from '../model/mutation.js';

/** Entries visited at most per argument: a bound on the child's own work, far above any case's input. */
const MAX_VISITED = 5_000_000;

const scalar = (v: unknown): Scalar => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'string') return v.slice(0, 40);
  if (typeof v === 'boolean' || v === null) return v;
  return kindOf(v);
};

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (ArrayBuffer.isView(v)) return 'typed array';
  return typeof v;
}

/**
 * A deep copy of a decoded argument, taken before the student's code sees it: the child's
 * decoder hands over the very arrays it parsed, so decoding again would give the changed ones.
 * Only what decoding makes is copied (arrays, typed arrays, plain objects); the data is the
 * grader's own, with no getters to run.
 */
export function snapshot(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (ArrayBuffer.isView(v)) return (v as unknown as { slice(): unknown }).slice();
  if (Array.isArray(v)) {
    let flat = true;
    for (let i = 0; i < v.length && flat; i++) flat = typeof v[i] !== 'object' || v[i] === null;
    return flat ? v.slice() : v.map(snapshot);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) out[key] = snapshot((v as Record<string, unknown>)[key]);
  return out;
}

function isNumberRow(v: ArrayLike<unknown>): boolean {
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'number') return false;
  return true;
}

const sameScalar = (a: unknown, b: unknown): boolean => a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));

type Found = Omit<ArgumentChange, 'step' | 'arg'>;

/**
 * The first place where `after` (what the student's code holds now) differs from `before` (a
 * fresh copy of what it was handed), or undefined. Only what `before` has is compared: a key the
 * code added to an options object (a default filled in) changes nothing the caller asked for.
 * Reading `after` may run the student's getters: a throw there counts as a change.
 */
export function firstChange(before: unknown, after: unknown): Found | undefined {
  let visited = 0;
  // One path, pushed and popped: copied only for the change found.
  const path: (number | string)[] = [];
  const at = (): (number | string)[] => [...path];
  /** A row of numbers, in one tight loop: the usual argument is an image of such rows. */
  const numbers = (b: ArrayLike<unknown>, a: ArrayLike<unknown>): Found | undefined => {
    visited += b.length;
    for (let i = 0; i < b.length; i++) {
      const x = b[i];
      const y = a[i];
      if (x === y || (typeof y === 'number' && Number.isNaN(x) && Number.isNaN(y))) continue;
      path.push(i);
      return { at: at(), change: typeof y === 'number' ? 'value' : 'type', before: scalar(x), after: scalar(y) };
    }
    return undefined;
  };
  const walk = (b: unknown, a: unknown): Found | undefined => {
    if (++visited > MAX_VISITED) return undefined;
    if (typeof b !== 'object' || b === null) {
      if (sameScalar(b, a) || typeof b === 'function') return undefined;
      return { at: at(), change: typeof a === typeof b ? 'value' : 'type', before: scalar(b), after: scalar(a) };
    }
    const list = Array.isArray(b) || ArrayBuffer.isView(b);
    if (typeof a !== 'object' || a === null || list !== (Array.isArray(a) || ArrayBuffer.isView(a))) return { at: at(), change: 'type', before: kindOf(b), after: kindOf(a) };
    if (list) {
      const bl = b as ArrayLike<unknown>;
      const al = a as ArrayLike<unknown>;
      if (al.length !== bl.length) return { at: at(), change: 'length', before: bl.length, after: al.length };
      if (ArrayBuffer.isView(b) || (bl.length > 0 && typeof bl[0] === 'number' && isNumberRow(bl))) return numbers(bl, al);
      for (let i = 0; i < bl.length; i++) {
        path.push(i);
        const found = walk(bl[i], al[i]);
        if (found) return found;
        path.pop();
      }
      return undefined;
    }
    for (const key of Object.keys(b)) {
      path.push(key);
      const found = walk((b as Record<string, unknown>)[key], (a as Record<string, unknown>)[key]);
      if (found) return found;
      path.pop();
    }
    return undefined;
  };
  try {
    return walk(before, after);
  } catch {
    return { at: [...path], change: 'type', before: 'value', after: 'unreadable' };
  }
}
