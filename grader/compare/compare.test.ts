import { describe, expect, it } from 'vitest';
import { close, compareValues } from './compare.js';
import { toDense } from './dense.js';
import { messages } from '../i18n/index.js';

const en = messages('en').compare;

const tol = { atol: 1e-8, rtol: 1e-5 };

describe('close: numpy allclose, strict on special values', () => {
  it.each([
    [1, 1, true],
    [100, 100.0009, true], // within rtol * |want|
    [100, 100.002, false],
    [0, 1e-9, true], // atol alone
    [0, 1e-7, false],
    [NaN, NaN, true],
    [NaN, 0, false],
    [1, NaN, false],
    [Infinity, Infinity, true],
    [Infinity, -Infinity, false],
    [1e308, Infinity, false],
    [5, Infinity, false],
  ])('want %d, got %d -> %s', (want, got, expected) => {
    expect(close(want, got, tol)).toBe(expected);
  });

  it('scales the tolerance by |want|, not |got| (asymmetric like numpy)', () => {
    const t = { atol: 0, rtol: 0.1 };
    expect(close(11.05, 10, t)).toBe(true); // 1.05 <= 0.1 * 11.05
    expect(close(10, 11.05, t)).toBe(false); // 1.05 > 0.1 * 10
  });
});

describe('compareValues: kind, then shape, then values', () => {
  it('reports the first differing index, both values, max errors and the count', () => {
    const c = compareValues([[1, 2, 3], [4, 5, 6]], [[1, 2, 3], [4, 0, 9]], tol);
    expect(c).toEqual({
      pass: false,
      mismatch: { kind: 'values', index: [1, 1], expected: 5, got: 0, maxAbsError: 5, maxRelError: 1, mismatched: 2, total: 6 },
    });
  });

  it('reports a shape mismatch as the two shapes', () => {
    expect(compareValues([[1, 2], [3, 4]], [[1, 2, 0], [3, 4, 0]], tol)).toEqual({
      pass: false,
      mismatch: { kind: 'shape', expected: [2, 2], got: [2, 3] },
    });
  });

  it.each([
    [undefined, 'undefined'],
    ['12', 'the string "12"'],
    [[[1, 2], [3]], 'a ragged array: entry [1] has 1 items where the first has 2'],
    [[[1, 2], [3, 'x']], 'an array whose entry [1, 1] is the string "x"'],
    [{ kind: 'function' }, 'a function'],
  ])('reports a wrong kind of value (%j) as data that reads as words', (got, what) => {
    const c = compareValues([[1, 2], [3, 4]], got, tol);
    expect(c).toMatchObject({ pass: false, mismatch: { kind: 'type', expected: { kind: 'numbers', shape: [2, 2] } } });
    const m = !c.pass && c.mismatch?.kind === 'type' ? c.mismatch : undefined;
    expect([en.value(m!.expected), en.value(m!.got)]).toEqual(['a 2x2 array of numbers', what]);
  });

  it('never lets NaN or Infinity match a finite answer, and keeps them JSON-safe', () => {
    const c = compareValues([1, 2], [1, NaN], tol);
    expect(c.pass).toBe(false);
    if (!c.pass && c.mismatch.kind === 'values') {
      expect(c.mismatch.got).toBe('NaN');
      expect(JSON.parse(JSON.stringify(c.mismatch)).maxAbsError).toBe('NaN');
    }
    expect(compareValues([Infinity], [Infinity], tol)).toEqual({ pass: true });
  });

  it('accepts a tensor or typed rows, and a flat typed array of the right size', () => {
    const want = [[1, 2], [3, 4]];
    expect(compareValues(want, { kind: 'tensor', dtype: 'float32', shape: [2, 2], data: [1, 2, 3, 4] }, tol)).toEqual({ pass: true });
    expect(compareValues(want, [{ kind: 'typed', ctor: 'Float32Array', data: [1, 2] }, { kind: 'typed', ctor: 'Float32Array', data: [3, 4] }], tol)).toEqual({ pass: true });
    expect(compareValues(want, { kind: 'typed', ctor: 'Float64Array', data: [1, 2, 3, 4] }, tol)).toEqual({ pass: true });
    expect(compareValues(want, [1, 2, 3, 4], tol).pass).toBe(false);
  });

  it('compares objects key by key and names the key in the path', () => {
    const want = { X: [[1, 2]], Y: [[3]] };
    expect(compareValues(want, { X: [[1, 2]], Y: [[4]] }, tol)).toMatchObject({ pass: false, mismatch: { kind: 'values', path: 'Y', index: [0, 0] } });
    expect(compareValues(want, { X: [[1, 2]] }, tol)).toMatchObject({ pass: false, mismatch: { kind: 'type', path: 'Y' } });
    expect(compareValues(want, [[1, 2]], tol)).toMatchObject({ pass: false, mismatch: { kind: 'type', expected: { kind: 'record', keys: ['X', 'Y'] } } });
  });

  it('compares scalars as rank-0 values', () => {
    expect(compareValues(640, 640, tol)).toEqual({ pass: true });
    expect(compareValues(640, 576, { atol: 0, rtol: 0 })).toMatchObject({ pass: false, mismatch: { kind: 'values', index: [], expected: 640, got: 576 } });
  });
});

describe('toDense', () => {
  it('keeps the shape of empty nested arrays', () => {
    expect(toDense([])).toMatchObject({ kind: 'dense', dense: { shape: [0] } });
    expect(toDense([[], []])).toMatchObject({ kind: 'dense', dense: { shape: [2, 0] } });
  });

  it.each([
    [[1, NaN, -0], [3], [1, NaN, -0]],
    [[[1, 2, 3], [4, 5, 6]], [2, 3], [1, 2, 3, 4, 5, 6]],
    [[[[1], [2]], [[3], [4]]], [2, 2, 1], [1, 2, 3, 4]],
  ])('flattens a rectangular array row-major: %j', (value, shape, data) => {
    expect(toDense(value)).toEqual({ kind: 'dense', dense: { shape, data: Float64Array.from(data) }, typed: false });
  });

  it.each([
    [[[1, 2], [3]], /a ragged array: entry \[1\] has 1 items where the first has 2/],
    [[[1, 2], 3], /entry \[1\] is a number where the others are arrays/],
    [[1, [2]], /entry \[1\] is an array where the others are numbers/],
    [[[1, 'x']], /entry \[0, 1\] is the string "x"/],
  ])('says what is wrong with %j', (value, what) => {
    const d = toDense(value);
    expect(d.kind === 'other' && en.value(d.what)).toMatch(what);
  });
});
