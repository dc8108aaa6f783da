import { describe, expect, it } from 'vitest';
import { call } from '../kit/steps.js';
import { messages } from '../i18n/index.js';
import { casePattern } from './patterns.js';

type Input = Readonly<Record<string, unknown>>;
const obs = (input: Input) => ({ steps: [call('pooling', [[1]], input.options)], outputs: [], input });
const pool = (size: number, stride: number, padding = 0) => obs({ img: [[1]], options: { size, stride, padding } });

describe('which cases fail, by a feature of their parameters', () => {
  it.each([
    [
      'stride different from size (no single stride or size value separates)',
      [pool(2, 2), pool(3, 3), pool(2, 1), pool(3, 2), pool(4, 4), pool(3, 1)],
      [false, false, true, true, false, true],
      { by: 'equal', name: 'options.size', with: 'options.stride', failing: [false], passing: [true] },
    ],
    [
      'padding not zero (three padding values, stride and size mixed)',
      [pool(2, 1, 0), pool(3, 2, 1), pool(2, 2, 2), pool(3, 1, 0), pool(2, 1, 1), pool(3, 3, 0)],
      [false, true, true, false, true, false],
      { by: 'parameter', name: 'options.padding', failing: [1, 2], passing: [0] },
    ],
  ])('%s', (_what, observations, failed, pattern) => {
    expect(casePattern(observations, failed)).toEqual(pattern);
  });

  it('prefers a parameter\'s own values to a feature of two', () => {
    const observations = [pool(2, 1, 0), pool(3, 2, 1), pool(2, 2, 2), pool(3, 1, 0), pool(2, 1, 1)];
    expect(casePattern(observations, [false, true, true, false, true])?.by).toBe('parameter');
  });

  it.each([
    ['fewer than five cases: a pair of parameters could separate them by chance', [pool(2, 2), pool(2, 1), pool(3, 2), pool(3, 3)], [false, true, true, false]],
    ['a feature that fails and passes alike', [pool(2, 2), pool(3, 3), pool(2, 1), pool(3, 2), pool(4, 4), pool(3, 1)], [true, false, true, false, false, true]],
  ])('says nothing for %s', (_what, observations, failed) => {
    expect(casePattern(observations, failed)).toBeUndefined();
  });

  it('words the derived feature in both languages', () => {
    const equal = { by: 'equal' as const, name: 'options.stride', with: 'options.size', failing: [false], passing: [true] };
    expect(messages('en').diagnose.cases(equal)).toBe('Every case where options.stride differs from options.size fails; every case where they are equal passes.');
    expect(messages('fr').diagnose.cases(equal)).toBe('Chaque cas où options.stride diffère de options.size échoue ; chaque cas où ils sont égaux réussit.');
    expect(messages('en').diagnose.cases({ ...equal, failing: [true], passing: [false] })).toBe('Every case where options.stride equals options.size fails; every case where they differ passes.');
  });
});
