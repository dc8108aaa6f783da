/**
 * The data format between the grader and a sandboxed child, both ways. JSON cannot carry NaN,
 * Infinity, undefined, typed arrays or tensors, and a student's answer may be any of them, so
 * they are tagged. This file runs inside the child too: no Node imports, no module state.
 */

/** A tensor the student returned (tf.Tensor), as plain data. */
export interface WireTensor {
  readonly kind: 'tensor';
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly data: readonly number[];
}
/** A typed array the student returned (e.g. Float32Array). */
export interface WireTyped {
  readonly kind: 'typed';
  readonly ctor: string;
  readonly data: readonly number[];
}
/** A function or class the student returned: only its kind crosses the boundary. */
export interface WireFunction {
  readonly kind: 'function';
}
/** A compiled tf.LayersModel: its topology and compile settings as data. */
export interface WireModel {
  readonly kind: 'model';
  readonly topology: unknown;
  readonly compile: unknown;
}
export type Tagged = WireTensor | WireTyped | WireFunction | WireModel;

export interface EncodeLimits {
  /** Most numbers and strings in one value. */
  readonly maxItems: number;
  /** Deepest nesting. */
  readonly maxDepth: number;
}

export class EncodeError extends Error {
  override readonly name = 'EncodeError';
}

/** Optional hook that turns a tf.LayersModel into `{ topology, compile }`. */
export type ModelEncoder = (value: object) => { topology: unknown; compile: unknown } | undefined;

/**
 * Turns a value into JSON-safe data. Reads each property once, so a getter that lies differently
 * on each read cannot make the child send inconsistent data.
 */
export function encodeValue(value: unknown, limits: EncodeLimits, encodeModel?: ModelEncoder): unknown {
  let items = 0;
  const count = (): void => {
    items += 1;
    if (items > limits.maxItems) throw new EncodeError(`the value has more than ${limits.maxItems} items`);
  };
  const num = (n: number): unknown => (Number.isFinite(n) ? n : { $nf: String(n) });
  const walk = (v: unknown, depth: number): unknown => {
    if (depth > limits.maxDepth) throw new EncodeError(`the value is nested deeper than ${limits.maxDepth} levels`);
    count();
    switch (typeof v) {
      case 'number':
        return num(v);
      case 'string':
        if (v.length > 10_000) throw new EncodeError('a string in the value is longer than 10000 characters');
        return v;
      case 'boolean':
        return v;
      case 'undefined':
        return { $u: 1 };
      case 'bigint':
        return { $big: String(v) };
      case 'function':
        return { $fn: 1 };
      case 'symbol':
        return { $sym: 1 };
    }
    if (v === null) return null;
    if (Array.isArray(v)) {
      const n = v.length;
      if (n > limits.maxItems) throw new EncodeError(`an array has ${n} items, more than ${limits.maxItems}`);
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = walk(v[i], depth + 1);
      return out;
    }
    const obj = v as Record<string, unknown>;
    if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
      const arr = obj as unknown as ArrayLike<number | bigint>;
      const n = arr.length;
      if (n > limits.maxItems - items) throw new EncodeError(`a typed array has ${n} items, more than allowed`);
      const data = new Array<unknown>(n);
      for (let i = 0; i < n; i++) data[i] = num(Number(arr[i]));
      items += n;
      return { $typed: obj.constructor?.name ?? 'TypedArray', data };
    }
    if (typeof obj.dataSync === 'function' && Array.isArray(obj.shape) && typeof obj.dtype === 'string') {
      const shape = (obj.shape as unknown[]).map(Number);
      const raw = (obj.dataSync as () => ArrayLike<number>).call(obj);
      const n = raw.length;
      if (n > limits.maxItems - items) throw new EncodeError(`a tensor has ${n} items, more than allowed`);
      const data = new Array<unknown>(n);
      for (let i = 0; i < n; i++) data[i] = num(Number(raw[i]));
      items += n;
      return { $tensor: { dtype: String(obj.dtype), shape, data } };
    }
    if (encodeModel) {
      const model = encodeModel(obj);
      if (model) return { $model: { topology: walk(model.topology, depth + 1), compile: walk(model.compile, depth + 1) } };
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj)) {
      if (key.startsWith('$')) continue;
      out[key] = walk(obj[key], depth + 1);
    }
    return { $obj: out };
  };
  return walk(value, 0);
}

/**
 * Turns wire data back into values: plain numbers (NaN and Infinity restored), arrays, objects
 * without prototypes, and tagged tensors, typed arrays, functions and models. Never calls
 * anything it receives. Throws EncodeError on a shape it does not know.
 */
export function decodeValue(data: unknown): unknown {
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object') throw new EncodeError(`unexpected ${typeof v} in wire data`);
    const o = v as Record<string, unknown>;
    if ('$nf' in o) return Number(o.$nf);
    if ('$u' in o) return undefined;
    if ('$big' in o) return Number(o.$big);
    if ('$fn' in o || '$sym' in o) return { kind: 'function' } satisfies WireFunction;
    if ('$typed' in o) {
      return { kind: 'typed', ctor: String(o.$typed), data: numbers(o.data) } satisfies WireTyped;
    }
    if ('$tensor' in o) {
      const t = o.$tensor as Record<string, unknown>;
      return { kind: 'tensor', dtype: String(t.dtype), shape: numbers(t.shape), data: numbers(t.data) } satisfies WireTensor;
    }
    if ('$model' in o) {
      const m = o.$model as Record<string, unknown>;
      return { kind: 'model', topology: walk(m.topology), compile: walk(m.compile) } satisfies WireModel;
    }
    if ('$obj' in o && o.$obj !== null && typeof o.$obj === 'object') {
      const out = Object.create(null) as Record<string, unknown>;
      for (const [key, val] of Object.entries(o.$obj as Record<string, unknown>)) {
        Object.defineProperty(out, key, { value: walk(val), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    throw new EncodeError('unknown tagged object in wire data');
  };
  const numbers = (v: unknown): number[] => {
    if (!Array.isArray(v)) throw new EncodeError('expected a list of numbers in wire data');
    return v.map((x) => {
      const d = walk(x);
      if (typeof d !== 'number') throw new EncodeError('expected a number in wire data');
      return d;
    });
  };
  return walk(data);
}

/** True when a decoded value is one of the tagged kinds. */
export function isTagged(v: unknown): v is Tagged {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.getPrototypeOf(v) === Object.prototype &&
    typeof (v as { kind?: unknown }).kind === 'string' &&
    ['tensor', 'typed', 'function', 'model'].includes((v as { kind: string }).kind)
  );
}
