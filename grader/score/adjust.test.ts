import { describe, expect, it } from 'vitest';
import type { SubmissionResult } from '../model/results.js';
import { applyAdjustments, lateOf, rawResult } from './adjust.js';

const policy = { deadline: new Date('2026-11-20T23:59:00Z'), penaltyPerDay: 10, cutoff: new Date('2026-11-27T23:59:00Z') };

describe('lateOf: a started day late is a day late', () => {
  it.each([
    ['on time to the second', '2026-11-20T23:59:00Z', 0, 0],
    ['one second late', '2026-11-20T23:59:01Z', 1, 10],
    ['exactly one day late', '2026-11-21T23:59:00Z', 1, 10],
    ['a day and a minute late', '2026-11-22T00:00:00Z', 2, 20],
    ['after the cutoff', '2026-11-28T00:00:00Z', 8, 100],
  ])('%s', (_name, at, days, penalty) => {
    const late = lateOf(policy, { at: new Date(at), source: 'git' });
    expect(late).toMatchObject({ daysLate: days, penaltyPercent: penalty, source: 'git', submittedAt: new Date(at).toISOString() });
    expect(late.afterCutoff ?? false).toBe(penalty === 100);
  });

  it('caps the penalty at 100% without a cutoff, and takes nothing without a time', () => {
    expect(lateOf({ deadline: policy.deadline, penaltyPerDay: 40 }, { at: new Date('2026-11-24T00:00:00Z'), source: 'zip' }).penaltyPercent).toBe(100);
    expect(lateOf(policy, { source: 'none' })).toEqual({ deadline: '2026-11-20T23:59:00.000Z', cutoff: '2026-11-27T23:59:00.000Z', source: 'none', daysLate: 0, penaltyPercent: 0 });
  });
});

const check = (id: string, score: number, maxScore: number) => ({ id, title: id, status: 'passed' as const, score, maxScore, visibility: 'public' as const, durationMs: 1 });
const raw: SubmissionResult = {
  schemaVersion: 1,
  grader: { name: 'neurograde', version: '0' },
  submission: 'carol',
  lang: 'en',
  mode: 'grade',
  score: 13,
  maxScore: 20,
  gradedAt: '2026-11-21T00:00:00.000Z',
  durationMs: 5,
  environment: { node: 'v20', sandbox: 'none', warnings: [] },
  exercises: [
    { id: 'shapes', title: 'Shapes', file: 'shapes.ts', status: 'graded', score: 6, maxScore: 10, durationMs: 1, checks: [check('a', 4, 5), check('b', 2, 5)] },
    { id: 'convolution', title: 'Conv', file: 'convolution.ts', status: 'graded', score: 7, maxScore: 10, durationMs: 1, checks: [check('c', 7, 10)] },
  ],
};

describe('applyAdjustments and rawResult', () => {
  it("overrides a check, then an exercise, then takes the late penalty off every exercise, keeping the grader's scores", () => {
    const late = lateOf(policy, { at: new Date('2026-11-21T12:00:00Z'), source: 'dates' });
    const adjusted = applyAdjustments(raw, {
      overrides: [
        { exercise: 'shapes', check: 'b', points: 5, comment: 'fine by hand' },
        { exercise: 'convolution', points: 12, comment: 'capped at the maximum' },
      ],
      late,
    });
    expect(adjusted.exercises.map((e) => [e.id, e.score])).toEqual([['shapes', 8.1], ['convolution', 9]]);
    expect(adjusted.exercises[0]!.checks[1]!.score).toBe(5);
    expect(adjusted.score).toBe(17.1);
    expect(adjusted.adjustments).toMatchObject({ rawScore: 13, rawExercises: { shapes: 6, convolution: 7 } });
    expect(adjusted.adjustments!.overrides).toEqual([
      { exercise: 'shapes', check: 'b', points: 5, raw: 2, comment: 'fine by hand' },
      { exercise: 'convolution', points: 10, raw: 7, comment: 'capped at the maximum' },
    ]);
    // What the cache reads back is the grader's own result, whatever was applied.
    expect(rawResult(adjusted)).toEqual(raw);
  });

  it('changes nothing without overrides or a deadline', () => {
    expect(applyAdjustments(raw, { overrides: [] })).toBe(raw);
    expect(rawResult(raw)).toBe(raw);
  });
});
