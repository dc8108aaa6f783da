import { describe, expect, it } from 'vitest';
import { call } from '../kit/steps.js';
import { evaluate } from '../kit/evaluate.js';
import { findSubstitution } from './substitution.js';

type Volume = { W: number; H: number; D: number };
const reference = {
  poolOutputShape: (i: Volume, l: { F: number; S: number }): Volume => ({ W: Math.floor((i.W - l.F) / l.S) + 1, H: Math.floor((i.H - l.F) / l.S) + 1, D: i.D }),
  convOutputShape: (i: Volume, l: { K: number; F: number; S: number; P: number }): Volume => ({ W: Math.floor((i.W - l.F + 2 * l.P) / l.S) + 1, H: Math.floor((i.H - l.F + 2 * l.P) / l.S) + 1, D: l.K }),
  dense: (inputs: number, units: number): number => (inputs + 1) * units,
};
const tolerance = { atol: 1e-9, rtol: 1e-9 };
type Student = Partial<Record<keyof typeof reference, (...a: never[]) => unknown>>;

/** The cases answered by `student` (the reference where it gives no function), each marked failing when it differs. */
function answered(student: Student, steps: readonly ReturnType<typeof call>[]) {
  return steps.map((step) => {
    const outputs = evaluate({ ...reference, ...student }, [step]);
    const want = evaluate(reference, [step]);
    return { obs: { steps: [step], outputs, input: {} }, failing: JSON.stringify(outputs) !== JSON.stringify(want) };
  });
}

const pools = [
  call('poolOutputShape', { W: 28, H: 28, D: 3 }, { F: 2, S: 2 }),
  call('poolOutputShape', { W: 9, H: 7, D: 1 }, { F: 3, S: 1 }),
  call('poolOutputShape', { W: 10, H: 12, D: 2 }, { F: 2, S: 3 }),
  call('poolOutputShape', { W: 15, H: 8, D: 4 }, { F: 4, S: 2 }),
];
const convs = [
  call('convOutputShape', { W: 28, H: 28, D: 1 }, { K: 4, F: 3, S: 1, P: 1 }),
  call('convOutputShape', { W: 10, H: 7, D: 2 }, { K: 3, F: 4, S: 3, P: 2 }),
  call('convOutputShape', { W: 32, H: 30, D: 3 }, { K: 8, F: 5, S: 2, P: 0 }),
];

describe('a parameter replaced in a formula', () => {
  it.each([
    ['the stride taken as the window size', { poolOutputShape: (i: Volume, l: { F: number }) => reference.poolOutputShape(i, { F: l.F, S: l.F }) }, [...pools, ...convs], { name: 'S', by: { name: 'F' } }],
    ['the width taken as the height', { poolOutputShape: (i: Volume, l: { F: number; S: number }) => reference.poolOutputShape({ ...i, W: i.H }, l) }, pools, { name: 'W', by: { name: 'H' } }],
    ['the padding left out', { convOutputShape: (i: Volume, l: { K: number; F: number; S: number }) => reference.convOutputShape(i, { ...l, P: 0 }) }, [...convs, ...pools], { name: 'P', by: { value: 0 } }],
  ])('finds %s, in the function that fails only', (_what, student, steps, found) => {
    expect(findSubstitution({ reference, tolerance }, answered(student as Student, steps))).toEqual(found);
  });

  it.each([
    ['one failing case (an anecdote)', { poolOutputShape: (i: Volume, l: { F: number }) => reference.poolOutputShape(i, { F: l.F, S: l.F }) }, [pools[0]!, pools[1]!]],
    ['answers no replacement gives (the "+ 1" forgotten)', { poolOutputShape: (i: Volume, l: { F: number; S: number }) => ({ W: Math.floor((i.W - l.F) / l.S), H: Math.floor((i.H - l.F) / l.S), D: i.D }) }, pools],
    ['two functions failing (no one formula to replace in)', { poolOutputShape: () => ({ W: 0, H: 0, D: 0 }), convOutputShape: () => ({ W: 0, H: 0, D: 0 }) }, [...pools, ...convs]],
    // H = D in every case: "W replaced by H" and "W replaced by D" are told apart by no case.
    [
      'two replacements the cases cannot tell apart',
      { poolOutputShape: (i: Volume, l: { F: number; S: number }) => reference.poolOutputShape({ ...i, W: i.H }, l) },
      [call('poolOutputShape', { W: 28, H: 5, D: 5 }, { F: 2, S: 2 }), call('poolOutputShape', { W: 9, H: 4, D: 4 }, { F: 3, S: 1 }), call('poolOutputShape', { W: 17, H: 6, D: 6 }, { F: 2, S: 3 })],
    ],
  ])('says nothing for %s', (_what, student, steps) => {
    expect(findSubstitution({ reference, tolerance }, answered(student as Student, steps))).toBeUndefined();
  });

  it('names a number argument by the case\'s input, in order', () => {
    const steps = [call('dense', 784, 100), call('dense', 100, 10), call('dense', 20, 5)];
    const cases = answered({ dense: (inputs: number, units: number) => (units + 1) * units } as Student, steps).map((c, i) => ({ ...c, obs: { ...c.obs, input: { inputs: [784, 100, 20][i], units: [100, 10, 5][i] } } }));
    expect(findSubstitution({ reference, tolerance }, cases)).toEqual({ name: 'inputs', by: { name: 'units' } });
  });
});
