import { describe, expect, it } from 'vitest';
import { isPlainData } from './plain-data.js';

class Point {
  constructor(readonly x: number) {}
}

const cyclic = (): unknown => {
  const a: unknown[] = [1];
  a.push(a);
  return a;
};
const withGetter = (): unknown => Object.defineProperty({}, 'x', { get: () => 1, enumerable: true });
const withHidden = (): unknown => Object.defineProperty({ a: 1 }, 'x', { value: 1, enumerable: false });
// eslint-disable-next-line no-sparse-arrays
const holey = (): unknown => [1, , 3];

describe('plain data (what node:v8 gives back as it was)', () => {
  it.each<[string, unknown]>([
    ['numbers, NaN, -0, Infinity', [0, -0, NaN, Infinity, 1e-300]],
    ['strings, booleans, null, undefined, bigints', ['a', true, null, undefined, 2n ** 70n]],
    ['a case set of nested objects and arrays', { cases: [{ id: 'x', steps: [{ op: 'call', fn: 'f', args: [{ data: [[1, 2]] }] }] }], expected: [[3]] }],
    ['every typed array class', [new Int8Array(1), new Uint8Array(1), new Uint8ClampedArray(1), new Int16Array(1), new Uint16Array(1), new Int32Array(1), new Uint32Array(1), new Float32Array(1), new Float64Array(1), new BigInt64Array(1), new BigUint64Array(1)]],
    ['a view on part of a buffer', new Float64Array(new ArrayBuffer(64), 8, 2)],
    ['a holey array', holey()],
    ['an array with a named property', Object.assign([1, 2], { label: 'x' })],
    ['a cycle', cyclic()],
    ['a primitive alone', 3],
  ])('accepts %s', (_, value) => {
    expect(isPlainData(value)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a class instance', { p: new Point(1) }],
    ['a function', [() => 1]],
    ['a symbol value', { s: Symbol('x') }],
    ['a symbol key', { [Symbol('x')]: 1 }],
    ['a Map', new Map()],
    ['a Set', [new Set([1])]],
    ['a Date', new Date(0)],
    ['a null-prototype object', Object.create(null) as unknown],
    ['a getter', withGetter()],
    ['a non-enumerable property', withHidden()],
    ['a Buffer (a Uint8Array subclass)', Buffer.from('a')],
    ['a DataView', new DataView(new ArrayBuffer(4))],
    ['a typed array over shared memory', new Int32Array(new SharedArrayBuffer(8))],
    ['an ArrayBuffer', new ArrayBuffer(4)],
    ['a boxed number', Object(1) as unknown],
  ])('refuses %s', (_, value) => {
    expect(isPlainData(value)).toBe(false);
  });
});
