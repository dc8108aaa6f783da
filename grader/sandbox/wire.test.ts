import { describe, expect, it } from 'vitest';
import { decodeValue, encodeFault, encodeValue, EncodeError, isTagged, TooLargeError } from './wire.js';

const LIMITS = { maxItems: 1000, maxDepth: 16 };
const roundTrip = (v: unknown): unknown => decodeValue(JSON.parse(JSON.stringify(encodeValue(v, LIMITS))));
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x)));

describe('wire format', () => {
  it.each([
    ['a number', 3.5, 3.5],
    ['NaN', NaN, NaN],
    ['Infinity', Infinity, Infinity],
    ['-Infinity', -Infinity, -Infinity],
    ['undefined', undefined, undefined],
    ['null', null, null],
    ['a string', 'héllo', 'héllo'],
    ['a boolean', true, true],
    ['a bigint, as a number', 12n, 12],
    ['a nested array', [[1, NaN], [undefined, -0.5]], [[1, NaN], [undefined, -0.5]]],
  ])('round-trips %s', (_name, value, want) => {
    expect(roundTrip(value)).toEqual(want);
  });

  it('turns objects into objects without a prototype, keeping a key named __proto__ as a key', () => {
    const value = JSON.parse('{"W": 1, "__proto__": {"polluted": true}}') as object;
    const out = roundTrip(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect(Object.keys(out)).toEqual(['W', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a typed array', new Float32Array([1, 2.5, NaN]), { kind: 'typed', ctor: 'Float32Array', data: [1, 2.5, NaN] }],
    ['a function', () => 1, { kind: 'function' }],
    ['a symbol', Symbol('s'), { kind: 'function' }],
    [
      'a tensor-like value',
      { shape: [2], dtype: 'float32', dataSync: () => new Float32Array([1, Infinity]) },
      { kind: 'tensor', dtype: 'float32', shape: [2], data: [1, Infinity] },
    ],
  ])('tags %s', (_name, value, want) => {
    const out = roundTrip(value);
    expect(isTagged(out)).toBe(true);
    expect(plain(out)).toEqual(plain(want));
  });

  it('reads every property once, so a getter that changes on each read sends one consistent value', () => {
    let reads = 0;
    const liar = {
      get W() {
        reads += 1;
        return reads;
      },
    };
    expect(plain(roundTrip(liar))).toEqual({ W: 1 });
    expect(reads).toBe(1);
  });

  it.each([
    ['too many items', new Array(2000).fill(1), /more than 1000/],
    ['too deep', JSON.parse('['.repeat(40) + ']'.repeat(40)), /deeper than 16/],
    ['a long string', 'x'.repeat(10_001), /longer than 10000/],
    ['a Proxy that claims a billion items', new Proxy([], { get: (t, k) => (k === 'length' ? 1e9 : Reflect.get(t, k)) }), /1000000000 items/],
    ['a Proxy that claims a fractional length', new Proxy([], { get: (t, k) => (k === 'length' ? 2.5 : Reflect.get(t, k)) }), /impossible length/],
    ['a tensor with a lying shape', { shape: [-1], dtype: 'float32', dataSync: () => [] }, /invalid shape/],
    ['a tensor whose shape claims 10^18 values and holds none', { shape: [1e9, 1e9], dtype: 'float32', dataSync: () => [] }, /shape \[1000000000, 1000000000\] has 0 values/],
  ])('refuses to encode %s', (_name, value, message) => {
    expect(() => encodeValue(value, LIMITS)).toThrow(EncodeError);
    expect(() => encodeValue(value, LIMITS)).toThrow(message);
  });

  it('refuses an array over the item limit by its length alone, without reading one item (the size cap costs no time)', () => {
    const read: PropertyKey[] = [];
    const huge = new Proxy(new Array<number>(1001), {
      get: (t, k) => {
        if (k !== 'length') read.push(k);
        return Reflect.get(t, k);
      },
    });
    expect(() => encodeValue(huge, LIMITS)).toThrow(/an array has 1001 items, more than 1000/);
    expect(read.filter((k) => typeof k === 'string' && /^\d+$/.test(k))).toEqual([]);
  });

  it.each([
    ['an unknown tag', { $evil: 1 }],
    ['a tag with a second key', { $u: 1, extra: 2 }],
    ['a bogus non-finite number', { $nf: '5' }],
    ['a typed array with a string in its data', { $typed: { ctor: 'Float32Array', data: ['1'] } }],
    ['a typed array with an extra field', { $typed: { ctor: 'Float32Array', data: [], call: 'me' } }],
    ['a tensor with a fractional shape', { $tensor: { dtype: 'float32', shape: [1.5], data: [] } }],
    ['a bigint that is not a number', { $big: 'constructor' }],
  ])('refuses to decode %s', (_name, data) => {
    const out = (() => {
      try {
        return decodeValue(data);
      } catch (e) {
        return e;
      }
    })();
    // Either refused, or (for $big) turned into a plain NaN: never anything callable or an object of the sender's choice.
    expect(out instanceof EncodeError || Number.isNaN(out)).toBe(true);
  });

  it.each([
    ['nested 100,000 levels deep', JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)), /deeper than 66/],
    ['a string of 5 MB', 'y'.repeat(5_000_000), /string of at most/],
    ['more items than the limit', new Array(2000).fill(0), /more than 1000 items/],
  ])('refuses wire data %s with an EncodeError, never a crash of the grader', (_name, data, message) => {
    expect(() => decodeValue(data, { maxItems: 1000, maxDepth: 66, maxString: 10_000 })).toThrow(message);
  });

  describe('packed doubles', () => {
    const matrix = (rows: number, cols: number, f: (i: number, j: number) => number): number[][] =>
      Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(i, j)));

    it('sends a large block with fractions as packed doubles and gets every value back, NaN, -0 and Infinity too', () => {
      const m = matrix(20, 30, (i, j) => (i * 30 + j) / 7);
      m[3]![4] = NaN;
      m[5]![6] = -Infinity;
      m[7]![8] = -0;
      const wire = JSON.parse(JSON.stringify(encodeValue(m, LIMITS))) as { $f64?: { shape: number[] } };
      expect(wire.$f64?.shape).toEqual([20, 30]);
      const back = decodeValue(wire) as number[][];
      expect(back).toEqual(m);
      expect(Object.is(back[7]![8], -0)).toBe(true);
    });

    it.each([
      ['whole numbers (shorter as JSON)', matrix(20, 30, (i, j) => i + j)],
      ['a small block', matrix(3, 4, (i, j) => i / (j + 1))],
    ])('keeps %s as JSON', (_name, value) => {
      expect(JSON.stringify(encodeValue(value, LIMITS))).not.toContain('$f64');
      expect(roundTrip(value)).toEqual(value);
    });

    it('packs the rows of a ragged array one by one, and gets the ragged array back', () => {
      const ragged = [matrix(1, 300, () => 0.5)[0]!, [0.5]];
      const wire = encodeValue(ragged, LIMITS) as unknown[];
      expect(Array.isArray(wire) && (wire[0] as { $f64?: unknown }).$f64).toBeDefined();
      expect(roundTrip(ragged)).toEqual(ragged);
    });

    it.each([
      ['bytes that do not fill the shape', { $f64: { shape: [2, 200], data: Buffer.alloc(8 * 399).toString('base64') } }, /stated shape|packed numbers/],
      ['a shape of zero', { $f64: { shape: [0], data: '' } }, /expected a shape/],
      ['more numbers than the limit', { $f64: { shape: [100, 100], data: Buffer.alloc(80_000).toString('base64') } }, /more than 1000 items/],
      ['a field too many', { $f64: { shape: [1], data: 'AAAAAAAAAAA=', extra: 1 } }, /unexpected fields/],
    ])('refuses packed doubles with %s', (_name, data, message) => {
      expect(() => decodeValue(data, { maxItems: 1000, maxDepth: 66, maxString: 10_000 })).toThrow(message);
    });
  });
});

describe('encodeValue against the output limit', () => {
  const limits = { maxItems: 4_000_000, maxDepth: 64, maxBytes: 16 * 1024 * 1024 };
  // At least 4 bytes per one-element row of whole numbers: 3,000,000 rows need 12 MB, over a 10 MB limit.
  const small = { ...limits, maxBytes: 10 * 1024 * 1024 };
  it.each([
    // Packed doubles cross as base64: 2,000,000 of them need 21 MB, whatever their nesting.
    ['2,000,000 one-element arrays of a fraction', () => Array.from({ length: 2_000_000 }, (_, i) => [i + 0.5])],
    ['3,000,000 one-element arrays of a whole number (two brackets, a digit and a comma each)', () => Array.from({ length: 3_000_000 }, () => [1])],
    ['3,000,000 doubles, packed', () => Array.from({ length: 3000 }, (_, r) => Array.from({ length: 1000 }, (_, c) => r + c / 1000 + 0.5))],
    ['an object of 250,000 long keys', () => Object.fromEntries(Array.from({ length: 250_000 }, (_, i) => [`${i}-${'x'.repeat(45)}`, 0]))],
  ])('refuses %s before encoding it, naming the limit', (_name, make) => {
    const value = make();
    let thrown: unknown;
    try {
      encodeValue(value, small);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TooLargeError);
    expect(encodeFault(thrown as TooLargeError)).toEqual({ kind: 'too-large', limitBytes: small.maxBytes });
  });

  it('encodes an answer that fits, whatever its shape', () => {
    const answer = { X: Array.from({ length: 1000 }, (_, i) => [i, i + 0.5]), name: 'ok' };
    const wire = encodeValue(answer, limits);
    expect(JSON.stringify(wire).length).toBeLessThan(limits.maxBytes);
    expect(decodeValue(wire)).toEqual(answer);
  });
});

describe('decodeValue checks a shape against its data before anything is built from it', () => {
  it.each([
    ['no data for a shape of 10^18', { $tensor: { dtype: 'float32', shape: [1e9, 1e9], data: [] } }],
    ['one value too many', { $tensor: { dtype: 'float32', shape: [2, 2], data: [1, 2, 3, 4, 5] } }],
  ])('refuses a tensor with %s', (_name, wire) => {
    expect(() => decodeValue(wire)).toThrow(/not as many as its shape says/);
  });
  it('accepts a tensor whose data fills its shape, scalars and empty ones included', () => {
    for (const [shape, data] of [[[2, 2], [1, 2, 3, 4]], [[], [7]], [[0, 3], []]] as const) {
      expect(decodeValue({ $tensor: { dtype: 'float32', shape: [...shape], data: [...data] } })).toMatchObject({ kind: 'tensor', shape, data });
    }
  });
});
