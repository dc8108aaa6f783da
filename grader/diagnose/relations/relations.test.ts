import { describe, expect, it } from 'vitest';
import { relate } from '../relate.js';

const tol = { atol: 1e-9, rtol: 1e-9 };
const want = [
  [1, 2, 3, 4],
  [5, -6, 7, 8],
  [9, 10, 11, -12],
];
const map = (m: number[][], f: (x: number) => number): number[][] => m.map((r) => r.map(f));
const T = (m: number[][]): number[][] => m[0]!.map((_, j) => m.map((r) => r[j]!));

describe('relations between a wrong answer and the expected one', () => {
  it.each([
    ['cropped (last row and column)', want.slice(0, 2).map((r) => r.slice(0, 3)), 'cropped', { top: 0, bottom: 1, left: 0, right: 1 }],
    ['cropped (first row)', want.slice(1), 'cropped', { top: 1, bottom: 0, left: 0, right: 0 }],
    ['extended (a last row of zeros)', [...want, [0, 0, 0, 0]], 'extended', { top: 0, bottom: 1, left: 0, right: 0 }],
    ['transposed', T(want), 'transposed', { rows: 3, cols: 4 }],
    ['negated', map(want, (x) => -x), 'negated', {}],
    ['rows reversed', [...want].reverse(), 'reversed', { axis: 0 }],
    ['each row reversed', want.map((r) => [...r].reverse()), 'reversed', { axis: 1 }],
    ['scaled by 255/256', map(want, (x) => (x * 255) / 256), 'scaled', { factor: 255 / 256, numerator: 255, denominator: 256 }],
    ['scaled by 1/9', map(want, (x) => x / 9), 'scaled', { factor: 1 / 9, numerator: 1, denominator: 9 }],
    ['scaled by 720 (a whole factor, no fraction)', map(want, (x) => x * 720), 'scaled', { factor: 720 }],
    ['offset by -1', map(want, (x) => x - 1), 'offset', { offset: -1 }],
    ['rescaled to [-1, 1]', map(want, (x) => 2 * x - 1), 'affine', { factor: 2, offset: -1 }],
    ['absolute value', map(want, Math.abs), 'absolute', {}],
    ['squared', map(want, (x) => x * x), 'squared', {}],
    ['non-finite', [[1, NaN, 3, 4], want[1]!, [9, 10, Infinity, -12]], 'non-finite', { nan: 1, infinite: 1, total: 12 }],
    ['same values, another order', [want[1]!, want[0]!, want[2]!.slice().reverse()], 'permuted', {}],
    ['the same values flattened', want.flat(), 'reshaped', { rank: 1, expectedRank: 2 }],
    ['shape one short, values unrelated', [[0, 0, 0], [0, 0, 0]], 'shape-differs', { rows: -1, cols: -1 }],
  ])('%s', (_what, got, id, params) => {
    expect(relate(want, got, tol)).toEqual({ id, params });
  });

  it('finds a shift of the values by one row and one column, the vacated border at 0', () => {
    const big = Array.from({ length: 5 }, (_, i) => Array.from({ length: 6 }, (_, j) => (i * 7 + j * 3) % 11));
    const moved = big.map((r, i) => r.map((_, j) => (i === 0 || j === 0 ? 0 : big[i - 1]![j - 1]!)));
    expect(relate(big, moved, tol)).toEqual({ id: 'shifted', params: { rows: 1, cols: 1 } });
  });

  it('reads rounding both ways', () => {
    expect(relate([1.5, 2.25, -0.5], [1, 2, -1], tol)).toEqual({ id: 'rounded-down', params: {} });
    expect(relate([13, 6, 4], [13.5, 6.5, 4], tol)).toEqual({ id: 'not-rounded-down', params: {} });
  });

  it('relates an object of numbers as one vector, and another object field by field with its path', () => {
    expect(relate({ W: 26, H: 26, D: 64 }, { W: 25, H: 25, D: 64 }, tol)).toEqual({ id: 'off-by-one', params: { above: 0, below: 2, total: 3 } });
    expect(relate({ X: [[1], [2]], Y: [[2], [3], [4]] }, { X: [[1], [2]], Y: [[2], [3]] }, tol)).toEqual({ id: 'cropped', params: { top: 0, bottom: 1, left: 0, right: 0 }, path: 'Y' });
    // X differs in no telling way: the first differing field that relates is Y.
    expect(relate({ X: [[1], [2]], Y: [[2], [3], [4]] }, { X: [[5], [0]], Y: [[2], [3]] }, tol)).toEqual({ id: 'cropped', params: { top: 0, bottom: 1, left: 0, right: 0 }, path: 'Y' });
  });

  it('names the fields of an object of numbers whose values moved, and never a shift or an order of its fields', () => {
    expect(relate({ W: 13, H: 26, D: 64 }, { W: 26, H: 13, D: 64 }, tol)).toEqual({ id: 'permuted', params: {}, moved: { W: 'H', H: 'W' } });
    expect(relate({ W: 2, H: 3, D: 5 }, { W: 3, H: 5, D: 2 }, tol)).toEqual({ id: 'permuted', params: {}, moved: { W: 'H', H: 'D', D: 'W' } });
    // got.W = want.H, but got.H is no expected value: nothing moved, and W, H, D have no order to shift along.
    expect(relate({ W: 2, H: 3, D: 5 }, { W: 3, H: 5, D: 7 }, tol)).toBeUndefined();
  });

  it.each([
    ['a single number (any two are a multiple of each other)', 3, 7],
    ['an answer of another rank, other values', [1, 2, 3], [[3, 2, 1]]],
    ['not numeric', [1, 2], 'oops'],
    ['a palindrome is not "reversed" of itself, and a constant not "permuted"', [2, 2, 2], [5, 1, 0]],
  ])('claims nothing for %s', (_what, w, g) => {
    expect(relate(w, g, tol)).toBeUndefined();
  });

  const big = Array.from({ length: 5 }, (_, i) => Array.from({ length: 4 }, (_, j) => ((i * 7 + j * 3) % 11) - 4));
  const bias = [0.5, -1, 0, 2];
  it.each([
    ['a constant per column (a bias per channel)', big.map((r) => r.map((x, j) => x + bias[j]!)), 'column-offset', { axis: 1, differing: 3, lines: 4, min: -1, max: 2 }],
    ['a constant per row', big.map((r, i) => r.map((x) => x + i)), 'row-offset', { axis: 0, differing: 4, lines: 5, min: 0, max: 4 }],
    ['the first two rows right, every later row wrong', big.map((r, i) => (i < 2 ? r : r.map((x) => x * 3 + 1 + i))), 'right-until', { rows: 2, total: 5 }],
  ])('finds %s', (_what, got, id, params) => {
    expect(relate(big, got, tol)).toEqual({ id, params });
  });

  it.each([
    // Two rows only: a constant per column is confirmed by two entries, which any two rows give.
    ['a per-column constant over two rows', [[1, 2, 3], [4, 5, 6]], [[2, 4, 3], [5, 7, 6]]],
    // The expected columns are constant: any got constant per column "adds a constant" to them.
    ['a per-column constant on constant expected columns', [[1, 2], [1, 2], [1, 2]], [[0, 0], [0, 0], [0, 0]]],
    ['one column off (a single line is no pattern across lines)', [[1, 2], [3, 4], [5, 6]], [[1, 9], [3, 11], [5, 13]]],
    ['rows right and wrong here and there', [[1, 2], [3, 4], [5, 6], [7, 8]], [[1, 2], [0, 0], [5, 6], [0, 1]]],
    ['a first row already wrong', [[1, 2], [3, 4], [5, 6], [7, 8]], [[0, 2], [3, 5], [5, 7], [7, 9]]],
    ['three rows (a shrunk counterexample is right in its first rows by chance)', [[1, 2], [3, 4], [5, 6]], [[1, 2], [0, 0], [0, 0]]],
    ['right rows that are all zeros', [[0, 0], [0, 0], [5, 6], [7, 8]], [[0, 0], [0, 0], [6, 6], [8, 8]]],
    ['only the last row wrong (a bound, not a divergence)', [[1, 2], [3, 4], [5, 6], [7, 8]], [[1, 2], [3, 4], [5, 6], [0, 0]]],
    ['a list of items (units of one state, not steps)', [1, 2, 3, 4, 5], [1, 2, 0, 0, 0]],
  ])('claims no line relation for %s', (_what, w, g) => {
    const found = relate(w, g, tol);
    expect(['column-offset', 'row-offset', 'right-until']).not.toContain(found?.id);
  });
});

