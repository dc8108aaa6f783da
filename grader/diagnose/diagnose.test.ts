import { describe, expect, it } from 'vitest';
import type { MistakeDefinition } from '../model/mistake.js';
import { call } from '../kit/steps.js';
import { diagnose } from './diagnose.js';

const reference = { scale: (xs: number[], k: number) => xs.map((x) => x * k) };
const mistake = (id: string, scale: (xs: number[], k: number) => number[]): MistakeDefinition => ({
  id,
  title: { en: id, fr: id },
  explanation: { en: id, fr: id },
  hint: { en: id, fr: id },
  overrides: { scale },
});
const mistakes = [
  mistake('ignores-k', (xs) => xs.slice()),
  mistake('adds-k', (xs, k) => xs.map((x) => x + k)),
  mistake('throws', () => {
    throw new Error('variant fails');
  }),
];
const tolerance = { atol: 1e-9, rtol: 1e-9 };
const obs = (xs: number[], k: number, outputs: unknown[]) => ({ steps: [call('scale', xs, k)], outputs });

describe('diagnose', () => {
  it('names the mistake whose variant reproduces every answer', () => {
    const found = diagnose({ reference, mistakes, tolerance, observations: [obs([1, 2], 3, [[4, 5]]), obs([0], 2, [[2]])] });
    expect(found?.id).toBe('adds-k');
  });

  it('names nothing when one answer is not reproduced: no diagnosis on a coincidence', () => {
    // [2, 4] for k = 2 is both "adds k" and the right answer; the second case rules "adds k" out.
    const found = diagnose({ reference, mistakes, tolerance, observations: [obs([0, 2], 2, [[2, 4]]), obs([1], 3, [[7]])] });
    expect(found).toBeUndefined();
  });

  it('skips a variant that throws, and answers undefined without observations', () => {
    expect(diagnose({ reference, mistakes: [mistakes[2]!], tolerance, observations: [obs([1], 1, [[1]])] })).toBeUndefined();
    expect(diagnose({ reference, mistakes, tolerance, observations: [] })).toBeUndefined();
  });
});

describe('diagnose, when a variant answers with something that is not numeric', () => {
  // One target past the end: the last entry is [undefined], which no numeric comparison accepts.
  const windows = { windows: (xs: number[]) => ({ Y: xs.slice(1).map((x) => [x]) }) };
  const tooMany = { ...mistake('too-many', (xs) => xs), overrides: { windows: (xs: number[]) => ({ Y: xs.map((_, i) => [xs[i + 1]]) }) } };
  const steps = [call('windows', [1, 2, 3])];

  it.each([
    { what: 'the same non-numeric answer', outputs: [{ Y: [[2], [3], [undefined]] }], named: 'too-many' },
    { what: 'another non-numeric answer', outputs: [{ Y: [[2], [3], [null]] }], named: undefined },
    { what: 'a numeric answer of another shape', outputs: [{ Y: [[2], [3], [4]] }], named: undefined },
  ])('names it only when the student gave $what', ({ outputs, named }) => {
    const found = diagnose({ reference: windows, mistakes: [tooMany], tolerance, observations: [{ steps, outputs }] });
    expect(found?.id).toBe(named);
  });
});
