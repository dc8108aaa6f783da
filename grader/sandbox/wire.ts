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
  /**
   * Most bytes the encoded value may take (the output limit). Counted as a lower bound while
   * the value is read, so an answer that cannot fit is refused before it is encoded or sent.
   * @default Infinity
   */
  readonly maxBytes?: number;
}

/** Longest string either side encodes. */
const MAX_STRING = 10_000;

export class EncodeError extends Error {
  override readonly name = 'EncodeError';
}

/** An answer that cannot fit the output limit, however it is written. */
export class TooLargeError extends EncodeError {
  constructor(readonly limitBytes: number) {
    super(`the answer needs more than ${limitBytes} bytes`);
  }
}

/** What the child reports for an answer it could not send: data, worded by the grader. */
export type EncodeFault = { readonly kind: 'unencodable'; readonly message: string } | { readonly kind: 'too-large'; readonly limitBytes: number };

export function encodeFault(e: EncodeError): EncodeFault {
  return e instanceof TooLargeError ? { kind: 'too-large', limitBytes: e.limitBytes } : { kind: 'unencodable', message: e.message };
}

/** Optional hook that turns a tf.LayersModel into `{ topology, compile }`. */
export type ModelEncoder = (value: object) => { topology: unknown; compile: unknown } | undefined;

/** Fewest numbers in an array worth sending as packed doubles rather than JSON text. */
const PACK_MIN = 256;

/**
 * A rectangular nested array of numbers, read once into row-major doubles; undefined when it is
 * not one (ragged, empty, a non-number inside, a length that changes between reads, deeper than
 * 8 levels or more than `maxItems` numbers). The encoder sends large ones as bytes; the grader's
 * comparison flattens answers with it.
 */
export function packNumbers(
  v: readonly unknown[],
  maxItems: number,
  maxBytes = Infinity,
): { shape: number[]; data: Float64Array; integers: boolean } | undefined {
  const shape: number[] = [];
  let total = 1;
  for (let node: unknown = v; Array.isArray(node); node = (node as unknown[])[0]) {
    const n: unknown = (node as unknown[]).length;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0 || shape.length >= 8) return undefined;
    shape.push(n);
    total *= n;
    if (total > maxItems) return undefined;
  }
  const data = new Float64Array(total);
  let k = 0;
  let integers = true;
  const fill = (a: unknown, depth: number): boolean => {
    if (!Array.isArray(a) || a.length !== shape[depth]) return false;
    const n = shape[depth]!;
    if (depth === shape.length - 1) {
      for (let i = 0; i < n; i++) {
        const x: unknown = a[i];
        if (typeof x !== 'number') return false;
        if (integers && !Number.isSafeInteger(x)) {
          integers = false;
          // Doubles cross as base64: the size is known from the shape as soon as one is seen.
          if (Math.ceil((total * 8) / 3) * 4 > maxBytes) throw new TooLargeError(maxBytes);
        }
        data[k++] = x;
      }
      return true;
    }
    for (let i = 0; i < n; i++) if (!fill(a[i], depth + 1)) return false;
    return true;
  };
  return fill(v, 0) ? { shape, data, integers } : undefined;
}

/** Nested arrays of the given shape over row-major data. */
function unpackNumbers(shape: readonly number[], data: ArrayLike<number>): unknown {
  let k = 0;
  const build = (depth: number): unknown[] => {
    const n = shape[depth]!;
    const out: unknown[] = [];
    if (depth === shape.length - 1) for (let i = 0; i < n; i++) out.push(data[k++]);
    else for (let i = 0; i < n; i++) out.push(build(depth + 1));
    return out;
  };
  return build(0);
}

const num = (n: number): unknown => (Number.isFinite(n) ? n : { $nf: String(n) });

/** A length a student's object reports, checked before anything is allocated for it. */
function lengthOf(n: unknown, what: string): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new EncodeError(`${what} reports an impossible length`);
  return n;
}

/**
 * One encoding: the running count of items and the lower bound of the encoded size. A lower
 * bound: two bytes per number or array (a digit and a comma, two brackets), a string's length,
 * 16 bytes per object. 2,000,000 one-element arrays are refused here, after one read, instead of
 * after being encoded and piped into the output limit.
 */
class Encoder {
  private items = 0;
  private bytes = 0;
  private readonly maxBytes: number;

  constructor(
    private readonly limits: EncodeLimits,
    private readonly encodeModel: ModelEncoder | undefined,
  ) {
    this.maxBytes = limits.maxBytes ?? Infinity;
  }

  private spend(n: number): void {
    this.bytes += n;
    if (this.bytes > this.maxBytes) throw new TooLargeError(this.maxBytes);
  }

  private count(n: number): void {
    this.items += n;
    if (this.items > this.limits.maxItems) throw new EncodeError(`the value has more than ${this.limits.maxItems} items`);
  }

  walk(v: unknown, depth: number): unknown {
    if (depth > this.limits.maxDepth) throw new EncodeError(`the value is nested deeper than ${this.limits.maxDepth} levels`);
    this.count(1);
    this.spend(2);
    if (v === null) return null;
    if (typeof v !== 'object') return this.scalar(v);
    if (Array.isArray(v)) return this.array(v, depth);
    const obj = v as Record<string, unknown>;
    if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) return this.typed(obj);
    return this.tensor(obj) ?? this.model(obj, depth) ?? this.object(obj, depth);
  }

  private scalar(v: unknown): unknown {
    switch (typeof v) {
      case 'number':
        return num(v);
      case 'string':
        if (v.length > MAX_STRING) throw new EncodeError(`a string in the value is longer than ${MAX_STRING} characters`);
        this.spend(v.length);
        return v;
      case 'boolean':
        return v;
      case 'undefined':
        return { $u: 1 };
      case 'bigint':
        return { $big: String(v) };
      case 'symbol':
        return { $sym: 1 };
      default:
        return { $fn: 1 };
    }
  }

  private array(v: unknown[], depth: number): unknown {
    const packed = this.packed(v);
    if (packed !== undefined) return packed;
    const n = lengthOf(v.length, 'an array');
    if (n > this.limits.maxItems) throw new EncodeError(`an array has ${n} items, more than ${this.limits.maxItems}`);
    const out = new Array<unknown>(n);
    // Rows of finite numbers are most of every answer: no call per number.
    this.spend(n);
    for (let i = 0; i < n; i++) {
      const x = v[i];
      if (typeof x === 'number' && Number.isFinite(x)) {
        this.items += 1;
        out[i] = x;
      } else out[i] = this.walk(x, depth + 1);
    }
    this.count(0); // the finite numbers above were counted without a check each
    return out;
  }

  /**
   * A large block of numbers, read once into doubles: sent as their bytes when some are fractions
   * (JSON would spell each of 50,000 doubles out in 17 digits, and the grader parse them back), as
   * JSON when all are whole numbers (shorter that way). Undefined for anything else.
   */
  private packed(v: unknown[]): unknown {
    let packed: ReturnType<typeof packNumbers>;
    try {
      packed = packNumbers(v, this.limits.maxItems - this.items, this.maxBytes - this.bytes);
    } catch (e) {
      // It counted against what was left: the limit named is the whole answer's.
      throw e instanceof TooLargeError ? new TooLargeError(this.maxBytes) : e;
    }
    if (!packed || packed.data.length < PACK_MIN) return undefined;
    this.items += packed.data.length;
    // Doubles cross as base64 (32 bytes for 3 numbers); whole numbers as JSON, with the brackets
    // of every inner row.
    const rows = packed.shape.slice(0, -1).reduce((a, b) => a * b, 1);
    this.spend(packed.integers ? 2 * packed.data.length + 2 * rows : Math.ceil((packed.data.length * 8) / 3) * 4);
    if (!packed.integers) return { $f64: { shape: packed.shape, data: Buffer.from(packed.data.buffer).toString('base64') } };
    return unpackNumbers(packed.shape, packed.data);
  }

  /** `n` numbers read once from `at`, counted and spent. */
  private numbers(n: number, at: (i: number) => number | bigint, what: string): unknown[] {
    if (n > this.limits.maxItems - this.items) throw new EncodeError(`${what} has ${n} items, more than allowed`);
    this.spend(2 * n);
    const data = new Array<unknown>(n);
    for (let i = 0; i < n; i++) data[i] = num(Number(at(i)));
    this.items += n;
    return data;
  }

  private typed(obj: Record<string, unknown>): unknown {
    const arr = obj as unknown as ArrayLike<number | bigint>;
    const n = lengthOf(arr.length, 'a typed array');
    const data = this.numbers(n, (i) => arr[i]!, 'a typed array');
    let ctor = 'TypedArray';
    try {
      const name: unknown = obj.constructor?.name;
      if (typeof name === 'string' && /^[A-Za-z0-9]{1,64}$/.test(name)) ctor = name;
    } catch {
      // A subclass whose constructor getter throws is still a typed array.
    }
    return { $typed: { ctor, data } };
  }

  /** A tf.Tensor, by its dataSync, shape and dtype (each read once); undefined for anything else. */
  private tensor(obj: Record<string, unknown>): unknown {
    const dataSync = obj.dataSync;
    const rawShape = typeof dataSync === 'function' ? obj.shape : undefined;
    const dtype = rawShape === undefined ? undefined : obj.dtype;
    if (typeof dataSync !== 'function' || !Array.isArray(rawShape) || typeof dtype !== 'string') return undefined;
    const shape = rawShape.slice(0, 9).map(Number);
    if (rawShape.length > 8 || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) throw new EncodeError('a tensor has an invalid shape');
    const raw = (dataSync as () => ArrayLike<number>).call(obj);
    const n = raw?.length;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new EncodeError('a tensor has no readable data');
    if (n > this.limits.maxItems - this.items) throw new EncodeError(`a tensor has ${n} items, more than allowed`);
    if (shape.reduce((a, b) => a * b, 1) !== n) throw new EncodeError(`a tensor of shape [${shape.join(', ')}] has ${n} values, not as many as its shape says`);
    const data = this.numbers(n, (i) => raw[i]!, 'a tensor');
    return { $tensor: { dtype: dtype.slice(0, 32), shape, data } };
  }

  private model(obj: Record<string, unknown>, depth: number): unknown {
    const model = this.encodeModel?.(obj);
    if (!model) return undefined;
    return { $model: { topology: this.walk(model.topology, depth + 1), compile: this.walk(model.compile, depth + 1) } };
  }

  private object(obj: Record<string, unknown>, depth: number): unknown {
    // No prototype: a key named __proto__ stays a key.
    const out = Object.create(null) as Record<string, unknown>;
    this.spend(16);
    for (const key of Object.keys(obj)) {
      if (key.startsWith('$')) continue;
      this.spend(key.length + 3);
      out[key] = this.walk(obj[key], depth + 1);
    }
    return { $obj: out };
  }
}

/**
 * Turns a value into JSON-safe data. Reads each property once, so a getter that lies differently
 * on each read cannot make the child send inconsistent data.
 */
export function encodeValue(value: unknown, limits: EncodeLimits, encodeModel?: ModelEncoder): unknown {
  return new Encoder(limits, encodeModel).walk(value, 0);
}

/** How much wire data `decodeValue` accepts; the encoder in the child never produces more. */
export interface DecodeLimits extends EncodeLimits {
  /** Longest string. */
  readonly maxString: number;
}

/** How decoded objects look. */
export interface DecodeOptions {
  /**
   * Give objects the ordinary prototype. The child decodes the grader's inputs this way, so a
   * student can call `input.hasOwnProperty` or spread them; the grader decodes the child's
   * answers without one. @default false
   */
  readonly plainObjects?: boolean;
}

/** The encoder's own limits: a value past them can only come from code that forges the protocol. */
export const DECODE_LIMITS: DecodeLimits = { maxItems: 50_000_000, maxDepth: 66, maxString: MAX_STRING };

const NON_FINITE: Readonly<Record<string, number>> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/**
 * Turns wire data back into values: plain numbers (NaN and Infinity restored), arrays, objects
 * without prototypes, and tagged tensors, typed arrays, functions and models. Never calls
 * anything it receives. `data` is parsed JSON that the decoder owns: its arrays are reused,
 * entries replaced in place, so decode each parsed value once (a copy, if it must stay wire
 * data). Throws EncodeError on anything the encoder would not have written: an unknown tag, a
 * tag with extra keys, too deep, too many items, too long a string.
 */
export function decodeValue(data: unknown, limits: DecodeLimits = DECODE_LIMITS, options: DecodeOptions = {}): unknown {
  return new Decoder(limits, options).walk(data, 0);
}

/** The body under a tag, checked to be an object with exactly `names` as its fields. */
function fields(tag: string, body: unknown, names: readonly string[]): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new EncodeError(`expected an object under ${tag}`);
  const own = Object.keys(body);
  if (own.length !== names.length || !names.every((n) => own.includes(n))) throw new EncodeError(`unexpected fields under ${tag}`);
  return body as Record<string, unknown>;
}

/** One decoding: the running count of items against the limits. */
class Decoder {
  private items = 0;

  constructor(
    private readonly limits: DecodeLimits,
    private readonly options: DecodeOptions,
  ) {}

  private count(n: number): void {
    this.items += n;
    if (this.items > this.limits.maxItems) throw new EncodeError(`the answer has more than ${this.limits.maxItems} items`);
  }

  private text(v: unknown, max: number, what: string): string {
    if (typeof v !== 'string' || v.length > max) throw new EncodeError(`expected ${what} in wire data`);
    return v;
  }

  private numbers(v: unknown): number[] {
    if (!Array.isArray(v)) throw new EncodeError('expected a list of numbers in wire data');
    this.count(v.length);
    return v.map((x) => {
      if (typeof x === 'number') return x;
      const nf = x !== null && typeof x === 'object' && Object.keys(x).length === 1 ? (x as { $nf?: unknown }).$nf : undefined;
      if (typeof nf === 'string' && Object.prototype.hasOwnProperty.call(NON_FINITE, nf)) return NON_FINITE[nf]!;
      throw new EncodeError('expected a number in wire data');
    });
  }

  walk(v: unknown, depth: number): unknown {
    if (depth > this.limits.maxDepth) throw new EncodeError(`the answer is nested deeper than ${this.limits.maxDepth} levels`);
    this.count(1);
    if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
    if (typeof v === 'string') return this.text(v, this.limits.maxString, `a string of at most ${this.limits.maxString} characters`);
    if (Array.isArray(v)) {
      // Parsed JSON is the decoder's own: its arrays are kept (packed, as JSON.parse made them;
      // a copy was holey, and slower for the student's loops) and only entries that are not
      // numbers are replaced by what they decode to.
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x !== 'number') v[i] = this.walk(x, depth + 1);
      }
      this.count(v.length);
      return v;
    }
    if (typeof v !== 'object') throw new EncodeError(`unexpected ${typeof v} in wire data`);
    const keys = Object.keys(v);
    if (keys.length !== 1) throw new EncodeError('a tagged object in wire data must have exactly one tag');
    return this.tagged(v, keys[0]!, depth);
  }

  private tagged(v: object, tag: string, depth: number): unknown {
    const body = (v as Record<string, unknown>)[tag];
    switch (tag) {
      case '$nf':
        return this.numbers([v])[0];
      case '$u':
        return undefined;
      case '$big':
        return Number(this.text(body, 400, 'a whole number').match(/^-?\d+$/)?.[0] ?? NaN);
      case '$fn':
      case '$sym':
        return { kind: 'function' } satisfies WireFunction;
      case '$typed': {
        const t = fields(tag, body, ['ctor', 'data']);
        return { kind: 'typed', ctor: this.text(t.ctor, 64, 'a typed array name'), data: this.numbers(t.data) } satisfies WireTyped;
      }
      case '$tensor':
        return this.tensor(fields(tag, body, ['dtype', 'shape', 'data']));
      case '$f64':
        return this.packed(fields(tag, body, ['shape', 'data']));
      case '$model': {
        const m = fields(tag, body, ['topology', 'compile']);
        return { kind: 'model', topology: this.walk(m.topology, depth + 1), compile: this.walk(m.compile, depth + 1) } satisfies WireModel;
      }
      case '$obj':
        return this.object(body, depth);
    }
    throw new EncodeError('unknown tagged object in wire data');
  }

  private tensor(t: Record<string, unknown>): WireTensor {
    const shape = this.numbers(t.shape);
    if (shape.length > 8 || !shape.every((n) => Number.isInteger(n) && n >= 0)) throw new EncodeError('expected a tensor shape in wire data');
    const data = this.numbers(t.data);
    // Whatever is built from a tensor (a dense copy, a tf.Tensor) is sized by its shape:
    // `shape: [1e9, 1e9]` with no data would be a 8-exabyte allocation in the grader.
    if (shape.reduce((a, b) => a * b, 1) !== data.length) throw new EncodeError(`a tensor of shape [${shape.join(', ')}] has ${data.length} values, not as many as its shape says`);
    return { kind: 'tensor', dtype: this.text(t.dtype, 32, 'a dtype'), shape, data };
  }

  private packed(t: Record<string, unknown>): unknown {
    const shape = this.numbers(t.shape);
    if (shape.length === 0 || shape.length > 8 || !shape.every((n) => Number.isSafeInteger(n) && n > 0)) throw new EncodeError('expected a shape in wire data');
    const total = shape.reduce((a, b) => a * b, 1);
    this.count(total);
    const text64 = this.text(t.data, 4 * Math.ceil((total * 8) / 3), 'packed numbers');
    const bytes = Buffer.from(text64, 'base64');
    if (bytes.length !== total * 8) throw new EncodeError('expected packed numbers of the stated shape in wire data');
    const values = new Float64Array(total);
    new Uint8Array(values.buffer).set(bytes);
    return unpackNumbers(shape, values);
  }

  private object(body: unknown, depth: number): Record<string, unknown> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new EncodeError('expected an object under $obj');
    const out = (this.options.plainObjects ? {} : Object.create(null)) as Record<string, unknown>;
    for (const [key, val] of Object.entries(body as Record<string, unknown>)) {
      this.text(key, this.limits.maxString, 'a property name');
      Object.defineProperty(out, key, { value: this.walk(val, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
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
