import { describe, expect, it } from 'vitest';
import { parseSeed } from './options.js';

describe('parseSeed', () => {
  it.each([
    ['--seed alone', '7', {}, 7],
    ["the course's NEUROGRADE_SEED when --seed is absent", undefined, { NEUROGRADE_SEED: '99' }, 99],
    ['--seed over NEUROGRADE_SEED', '7', { NEUROGRADE_SEED: '99' }, 7],
    ['nothing: the grader default', undefined, {}, undefined],
    ['an empty NEUROGRADE_SEED as absent', undefined, { NEUROGRADE_SEED: '' }, undefined],
  ])('takes %s', (_name, value, env, want) => {
    expect(parseSeed(value, env)).toBe(want);
  });
  it.each([
    ['x', {}, /--seed must be a whole number, not "x"/],
    [undefined, { NEUROGRADE_SEED: '-3' }, /NEUROGRADE_SEED must be a whole number, not "-3"/],
  ])('refuses %j (env %j), naming where it came from', (value, env, message) => {
    expect(() => parseSeed(value, env)).toThrow(message);
  });
});
