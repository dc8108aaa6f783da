import { describe, expect, it } from 'vitest';
import { messages } from '../../grader/i18n/index.js';
import { evidenceView } from './evidence.js';
import { problemView, stackView } from './stack.js';
import { atPath, formatNumber, numeric, toGrid } from './values.js';

const labels = messages('en').report;
const TOL = { atol: 1e-6, rtol: 1e-6 };

describe('values from results.json', () => {
  it.each([
    [3, 3],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['3', undefined],
    [null, undefined],
  ])('numeric(%j) is %s', (v, n) => {
    expect(numeric(v)).toBe(n);
  });

  it.each([
    [[[1, 2], [3, 4]], { rows: 2, cols: 2 }],
    [[[1, 'NaN']], { rows: 1, cols: 2 }],
    [[[1, 2], [3]], undefined],
    [[[]], undefined],
    [[1, 2], undefined],
    ['<b>', undefined],
  ])('toGrid(%j) has %j', (v, dims) => {
    const g = toGrid(v);
    expect(g ? { rows: g.rows, cols: g.cols } : undefined).toEqual(dims);
  });

  it.each([
    [0, '0'],
    [-12, '-12'],
    [0.333333333, '0.3333'],
    [123.456, '123.5'],
    [1e-7, '1.00e-7'],
    [NaN, 'NaN'],
    [-Infinity, '−∞'],
  ])('formatNumber(%s) is %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });

  it('follows a dotted path and stops on a missing key', () => {
    expect(atPath({ X: { a: [1] } }, 'X.a')).toEqual([1]);
    expect(atPath({ X: 1 }, 'Y')).toBeUndefined();
    expect(atPath([1], undefined)).toEqual([1]);
  });
});

describe('evidence view', () => {
  it('marks exactly the entries beyond the tolerance in the obtained table, and draws four pictures', () => {
    const view = evidenceView({
      labels,
      tolerance: TOL,
      evidence: { caseId: 'c', input: { img: [[1, 2], [3, 4]], kernel: [[1]] }, expected: [[1, 2], [3, 4]], got: [[1, 2.0000001], [3, 9]] },
      mismatch: { kind: 'values', index: [1, 1], expected: 4, got: 9, maxAbsError: 5, maxRelError: 1.25, mismatched: 1, total: 4 },
    });
    expect(view.output.figures.map((f) => f.kind)).toEqual(['input', 'expected', 'got', 'diff']);
    const [expected, got] = view.output.tables;
    expect(expected!.hasBad).toBe(false);
    expect(got!.rows.flatMap((r) => r.cells.map((c) => c.bad))).toEqual([false, false, false, true]);
    expect(got!.rows[1]!.cells[1]!.title).toBe(labels.badCellTitle('4'));
  });

  it('outlines the entries beyond the tolerance only when they are not nearly all of them', () => {
    const expected = Array.from({ length: 4 }, (_, i) => Array.from({ length: 5 }, (_, j) => i * 5 + j));
    const few = expected.map((row, i) => row.map((v, j) => (i === 0 && j < 2 ? v + 1 : v)));
    const most = expected.map((row, i) => row.map((v, j) => (i === 3 && j === 4 ? v : v + 1)));
    const notes = (got: number[][]) => evidenceView({ labels, tolerance: TOL, evidence: { caseId: 'c', expected, got } }).output.pictureNotes;
    const diffAlt = (got: number[][]) => evidenceView({ labels, tolerance: TOL, evidence: { caseId: 'c', expected, got } }).output.figures.find((f) => f.kind === 'diff')!.alt;
    expect(notes(few)).toContain(labels.outlineNote);
    expect(diffAlt(few)).toBe(labels.altDiff(labels.shape([4, 5]), '1', 2, 20));
    expect(notes(most)).toEqual([labels.noOutlineNote(19, 20)]);
    expect(diffAlt(most)).toBe(labels.altDiffUnframed(labels.shape([4, 5]), '1', 19, 20));
  });

  it('writes numbers with the decimal comma on a French page', () => {
    const fr = messages('fr').report;
    const view = evidenceView({ labels: fr, tolerance: { atol: 0.5, rtol: 1e-6 }, evidence: { caseId: 'c', expected: [[0.25, 2]], got: [[0.75, 2]] } });
    expect(view.output.tables[1]!.rows[0]!.cells[0]!.text).toBe('0,75');
    expect(view.tolerance).toBe(fr.tolerance('0,5', '0,000001'));
  });

  it('draws no difference for a shape mismatch, and both arrays at the same cell size', () => {
    const view = evidenceView({
      labels,
      evidence: { caseId: 'c', expected: [[1, 2, 3], [4, 5, 6]], got: [[1, 2], [4, 5]] },
      mismatch: { kind: 'shape', expected: [2, 3], got: [2, 2] },
    });
    const figures = view.output.figures;
    expect(figures.map((f) => f.kind)).toEqual(['expected', 'got']);
    expect(figures[0]!.width / 3).toBe(figures[1]!.width / 2);
    expect(view.output.tables).toHaveLength(2);
    expect(view.output.tables.some((t) => t.hasBad)).toBe(false);
  });

  it('reads a flat answer (a typed array the student returned) in the expected shape', () => {
    const view = evidenceView({ labels, evidence: { caseId: 'c', expected: [[1, 2], [3, 4]], got: [1, 2, 3, 5] } });
    expect(view.output.figures.map((f) => f.kind)).toEqual(['expected', 'got', 'diff']);
  });

  it('shows an object of numbers field by field, marking the wrong fields', () => {
    const view = evidenceView({
      labels,
      evidence: { caseId: 'c', input: { W: 28, F: 3 }, expected: { W: 13, H: 13, D: 4 }, got: { W: 13.5, H: 13, D: 4 } },
      mismatch: { kind: 'values', index: [], expected: 13, got: 13.5, maxAbsError: 0.5, maxRelError: 0.04, mismatched: 1, total: 1, path: 'W' },
    });
    expect(view.output.record?.rows).toEqual([
      { field: 'W', expected: '13', got: '13.5', bad: true },
      { field: 'H', expected: '13', got: '13', bad: false },
      { field: 'D', expected: '4', got: '4', bad: false },
    ]);
    expect(view.scalars).toEqual([
      { name: 'W', text: '28' },
      { name: 'F', text: '3' },
    ]);
  });

  it('focuses on the field the mismatch names inside an object output', () => {
    const view = evidenceView({
      labels,
      evidence: { caseId: 'c', expected: { X: [[1, 2], [3, 4]], Y: [[5]] }, got: { X: [[1, 2], [3, 4]], Y: [[6]] } },
      mismatch: { kind: 'values', index: [0, 0], expected: 5, got: 6, maxAbsError: 1, maxRelError: 0.2, mismatched: 1, total: 1, path: 'Y' },
    });
    expect(view.output.field).toBe('Y');
    expect(view.output.tables[1]!.rows[0]!.cells[0]).toMatchObject({ text: '6', bad: true });
  });

  it('falls back to text for an answer that is no array, and labels a shrunk counterexample', () => {
    const view = evidenceView({ labels, evidence: { caseId: 'c', expected: [[1]], got: 'undefined', shrunk: true } });
    expect(view.shrunk).toBe(true);
    expect(view.output.texts).toEqual([{ label: labels.got, text: '"undefined"' }]);
  });
});

describe('stacks and problems', () => {
  it('splits a mapped stack into the error and the student frames', () => {
    const s = stackView('TypeError: boom\n  second line\n    at convolution (convolution.ts:12:24)\n    at convolution.ts:3:1');
    expect(s).toEqual({
      header: 'TypeError: boom\n  second line',
      frames: [{ location: 'convolution.ts:12:24', fn: 'convolution' }, { location: 'convolution.ts:3:1' }],
    });
  });

  it('finds the file:line:col of every compile error', () => {
    const p = problemView('Expected a.ts:3:14 to compile, but got: x\nExpected lib/b.ts:9:1 to compile, but got: y', undefined);
    expect(p?.lines.map((l) => l.location)).toEqual(['a.ts:3:14', 'lib/b.ts:9:1']);
  });
});
