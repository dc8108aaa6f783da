import { describe, expect, it } from 'vitest';
import { parseSeed } from './options.js';
import { parseGrade } from './args.js';

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

describe('grade --vary-hidden', () => {
  it.each([
    ["the folder's name", ['subs/alice', '--out', 'o', '--vary-hidden'], 'alice'],
    ['--submission-id over the folder', ['subs/alice', '--out', 'o', '--vary-hidden', '--submission-id', 's123'], 's123'],
    ['nothing without the flag', ['subs/alice', '--out', 'o'], undefined],
  ])('takes %s as the identity', (_name, argv, want) => {
    expect(parseGrade(argv).varyHidden).toBe(want);
  });
  it('refuses --submission-id without --vary-hidden', () => {
    expect(() => parseGrade(['subs/alice', '--out', 'o', '--submission-id', 'x'])).toThrow(/--submission-id goes with --vary-hidden/);
  });
});
