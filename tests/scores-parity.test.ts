import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckResult, SubmissionResult } from '../grader/model/results.js';
import { EXAMPLES, fixtureDirs } from './support/grade.js';
import { PARITY_DIR, readParity, scoresOf } from './support/parity.js';

/**
 * The score snapshot (tests/parity/*.json) was taken on main before the pipeline refactorings of
 * issue 11; the tests that grade each fixture compare with it (expectScoresAsBefore). This file
 * checks that the snapshot covers every fixture those tests grade, so a fixture cannot silently
 * leave parity, and that the comparison sees what it must.
 */
describe('the score snapshot', () => {
  it.each([
    ['mistakes', fixtureDirs('mistakes')],
    ['diagnosis', fixtureDirs('diagnosis')],
    ['faults', fixtureDirs('faults')],
    ['hostile', [...fixtureDirs('hostile'), 'the reference (clean twin)']],
    ['examples', readdirSync(EXAMPLES)],
  ])('covers every submission of %s, and only those', (group, names) => {
    expect(Object.keys(readParity(group)).sort()).toEqual([...names].sort());
  });

  it('covers the models example, every catalogued wrong model and the fairness fixtures', () => {
    const models = Object.keys(readParity('models'));
    expect(models).toContain('examples/correct');
    expect(models).toContain('correct-variants');
    for (const id of fixtureDirs('models').filter((d) => d.startsWith('model-'))) expect(models).toContain(`${id} (no learning check)`);
    const fairness = Object.keys(readParity('models-fairness')).map((k) => k.split(' ')[0]);
    for (const id of ['correct-spellings', 'wrong-frozen', 'wrong-zeros-init', 'wrong-tiny-lr', 'wrong-huge-lr', 'wrong-loss', 'wrong-go-backwards', 'wrong-extra-activation', 'wrong-dilation']) {
      expect(fairness).toContain(id);
    }
  });

  it('holds only groups that a test compares with', () => {
    const groups = readdirSync(PARITY_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    expect(groups).toEqual(['diagnosis', 'examples', 'faults', 'hostile', 'mistakes', 'models', 'models-fairness', 'report']);
  });

  it('records full marks on every exercise of the correct example', () => {
    for (const [id, e] of Object.entries(readParity('examples')['correct']!)) {
      expect(e.score, id).toBe(e.maxScore);
      expect(Object.values(e.checks).every((c) => c.startsWith('passed ')), id).toBe(true);
    }
  });
});

describe('scoresOf, what parity compares', () => {
  const check = (over: Partial<CheckResult>): CheckResult =>
    ({ id: 'c', title: 'C', score: 1, maxScore: 2, visibility: 'public', durationMs: 5, status: 'failed', message: 'm', ...over }) as CheckResult;
  const result = (checks: CheckResult[], over: { score?: number; status?: 'graded' | 'missing' } = {}): SubmissionResult =>
    ({
      exercises: [{ id: 'shapes', title: 'S', file: 'shapes.ts', score: over.score ?? 1, maxScore: 2, status: over.status ?? 'graded', durationMs: 9, checks }],
    }) as unknown as SubmissionResult;

  it('keeps each exercise status and score and each check status and score', () => {
    expect(scoresOf(result([check({})]))).toEqual({ shapes: { status: 'graded', score: 1, maxScore: 2, checks: { c: 'failed 1/2' } } });
  });

  it.each<[string, SubmissionResult]>([
    ['a check status', result([check({ status: 'timeout', limitMs: 1 } as Partial<CheckResult>)])],
    ['a check score', result([check({ score: 0.5 })])],
    ['an exercise score', result([check({})], { score: 0.5 })],
    ['an exercise status', result([check({})], { status: 'missing' })],
  ])('tells apart results that differ in %s', (_what, changed) => {
    expect(scoresOf(changed)).not.toEqual(scoresOf(result([check({})])));
  });

  it('ignores durations and messages, which vary from run to run or are tested elsewhere', () => {
    expect(scoresOf(result([check({ durationMs: 999, message: 'other' } as Partial<CheckResult>)]))).toEqual(scoresOf(result([check({})])));
  });
});
