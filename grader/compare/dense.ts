import type { Leaf, ValueKind } from '../model/results.js';
import { isTagged, packNumbers } from '../sandbox/wire.js';

/** A numeric answer in one flat form: row-major data and its shape. */
export interface Dense {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/** A numeric answer in dense form, or what the value is instead, as data (grader/i18n words it). */
export type Described =
  | { readonly kind: 'dense'; readonly dense: Dense; readonly typed: boolean }
  | { readonly kind: 'other'; readonly what: ValueKind };

function describeLeaf(v: unknown): Leaf {
  if (v === undefined) return { type: 'undefined' };
  if (v === null) return { type: 'null' };
  if (typeof v === 'string') return { type: 'string', value: v.length > 20 ? v.slice(0, 20) + '…' : v };
  if (typeof v === 'boolean') return { type: 'boolean', value: v };
  if (isTagged(v)) return { type: v.kind };
  if (Array.isArray(v)) return { type: 'array' };
  return { type: 'object' };
}

const leaf = (v: unknown): ValueKind => ({ kind: 'leaf', leaf: describeLeaf(v) });

/**
 * Turns nested arrays, typed arrays (flat or as rows) and tensors into a Dense value, or says
 * what the value is instead (a ragged array, undefined, an object...).
 */
export function toDense(v: unknown): Described {
  if (typeof v === 'number') return { kind: 'dense', dense: { shape: [], data: Float64Array.of(v) }, typed: false };
  if (isTagged(v)) {
    if (v.kind === 'tensor') return { kind: 'dense', dense: { shape: [...v.shape], data: Float64Array.from(v.data) }, typed: true };
    if (v.kind === 'typed') return { kind: 'dense', dense: { shape: [v.data.length], data: Float64Array.from(v.data) }, typed: true };
    return { kind: 'other', what: leaf(v) };
  }
  if (!Array.isArray(v)) return { kind: 'other', what: leaf(v) };
  // The usual answer, a rectangular array of numbers, in one pass; anything else takes the walk
  // below, which names what is wrong with it.
  const packed = packNumbers(v, Number.MAX_SAFE_INTEGER);
  if (packed) return { kind: 'dense', dense: { shape: packed.shape, data: packed.data }, typed: false };
  const shape: number[] = [];
  const data: number[] = [];
  let problem: ValueKind | undefined;
  // One index stack for the whole walk: copying the path at every leaf made a 50,000-pixel
  // answer allocate 50,000 arrays. It is only read when a message needs it.
  const path: number[] = [];
  const walk = (node: unknown, depth: number): void => {
    const items = Array.isArray(node) ? node : isTagged(node) && node.kind === 'typed' ? node.data : undefined;
    if (items === undefined) {
      if (typeof node === 'number') {
        if (depth !== shape.length) problem = { kind: 'entry', index: [...path], entry: { type: 'number-among-arrays' } };
        else data.push(node);
        return;
      }
      problem = { kind: 'entry', index: [...path], entry: describeLeaf(node) };
      return;
    }
    if (depth === shape.length) {
      if (data.length > 0) {
        problem = { kind: 'entry', index: [...path], entry: { type: 'array-among-numbers' } };
        return;
      }
      shape.push(items.length);
    } else if (shape[depth] !== items.length) {
      problem = { kind: 'ragged', index: [...path], items: items.length, first: shape[depth]! };
      return;
    }
    for (let i = 0; i < items.length && !problem; i++) {
      path.push(i);
      walk(items[i], depth + 1);
      path.pop();
    }
  };
  walk(v, 0);
  if (problem) return { kind: 'other', what: problem };
  // An empty array has no leaves: its shape stops where the nesting stops.
  return { kind: 'dense', dense: { shape, data: Float64Array.from(data) }, typed: false };
}

/** "42x75", "a number" for rank 0. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 0 ? 'scalar' : shape.join('x');
}

/** The multi-index of flat position `i` in `shape`. */
export function unravel(i: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d]!;
    index[d] = n === 0 ? 0 : i % n;
    i = n === 0 ? 0 : Math.floor(i / n);
  }
  return index;
}
