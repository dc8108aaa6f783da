/**
 * The typed arrays node:v8 gives back as they went in: same class, same elements. A subclass
 * (Buffer) or a DataView is left out: the round trip would not be proven the same.
 */
const TYPED_ARRAY_PROTOTYPES: ReadonlySet<object> = new Set(
  [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array].map((c) => c.prototype),
);

/** Whether `v` may be a property's value: objects are checked in their turn, pushed on `objects`. */
function plainValue(v: unknown, objects: object[]): boolean {
  if (typeof v === 'function' || typeof v === 'symbol') return false;
  if (typeof v === 'object' && v !== null) objects.push(v);
  return true;
}

/**
 * Whether `keys` of `o` are properties v8.serialize writes as they are: data (a getter's value
 * would be written, not the getter), enumerable (others are dropped), of plain values.
 */
function plainProperties(o: object, keys: readonly (string | symbol)[], objects: object[]): boolean {
  for (const key of keys) {
    if (typeof key === 'symbol') return false;
    const d = Object.getOwnPropertyDescriptor(o, key)!;
    if (!('value' in d) || !d.enumerable || !plainValue(d.value, objects)) return false;
  }
  return true;
}

/**
 * Whether an array's elements (holes stay holes) and named properties are plain. Elements are
 * read by index rather than by descriptor, many times cheaper on a case's images: an element
 * getter is not looked for (arrays are made by the grader's code and the exercise's).
 */
function plainArray(a: readonly unknown[], objects: object[]): boolean {
  let present = 0;
  for (let i = 0; i < a.length; i++) {
    if (!(i in a)) continue;
    present++;
    if (!plainValue(a[i], objects)) return false;
  }
  // An array's own keys are its indices, in order, then `length`, then its named properties.
  const named = Reflect.ownKeys(a).length - 1 - present;
  return named === 0 || plainProperties(a, Reflect.ownKeys(a).filter((k) => k !== 'length').slice(present), objects);
}

/**
 * Whether a typed array is one v8 copies whole: a listed class over an ArrayBuffer (not shared
 * memory). A named property of its own would be dropped, but listing a million elements' keys
 * to find one would cost more than the values: typed arrays are made by the grader's code and
 * the exercise's, which do not name their elements.
 */
function plainTypedArray(v: ArrayBufferView): boolean {
  return TYPED_ARRAY_PROTOTYPES.has(Object.getPrototypeOf(v) as object) && v.buffer instanceof ArrayBuffer;
}

/**
 * Whether `value` is plain data that node:v8's serialize and deserialize give back exactly:
 * primitives (not symbols), arrays (holes too), objects whose prototype is Object.prototype, and
 * typed arrays, nested to any depth (shared and cyclic references too: v8 keeps them). A class
 * instance, a function, a Map, a Date, a null-prototype object, an object's getter or symbol key is not:
 * what comes back would differ (a plain object for an instance, an error for a function).
 */
export function isPlainData(value: unknown): boolean {
  if (typeof value === 'function' || typeof value === 'symbol') return false;
  if (typeof value !== 'object' || value === null) return true;
  const seen = new Set<object>();
  const pending: object[] = [value];
  while (pending.length > 0) {
    const v = pending.pop()!;
    if (seen.has(v)) continue;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      if (!plainTypedArray(v)) return false;
      continue;
    }
    const proto = Object.getPrototypeOf(v) as object | null;
    if (Array.isArray(v)) {
      if (proto !== Array.prototype || !plainArray(v, pending)) return false;
    } else if (proto !== Object.prototype || !plainProperties(v, Reflect.ownKeys(v), pending)) return false;
  }
  return true;
}
