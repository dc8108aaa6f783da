import { describe, expect, it } from 'vitest';
import type { Exercise } from '../load/exercise.js';
import type { ExerciseResult, SubmissionResult } from '../model/results.js';
import { keepGrades, shapeCached, type RegradePlan } from './regrade.js';

const ex = (id: string, score: number, status: ExerciseResult['status'] = 'graded'): ExerciseResult => ({
  id,
  title: id,
  file: `${id}.ts`,
  score,
  maxScore: 10,
  status,
  durationMs: 1,
  checks: [],
});

const result = (exercises: ExerciseResult[], extra: Partial<SubmissionResult> = {}): SubmissionResult => ({
  schemaVersion: 1,
  grader: { name: 'neurograde', version: '0' },
  submission: 's',
  lang: 'en',
  mode: 'grade',
  score: exercises.reduce((s, e) => s + e.score, 0),
  maxScore: exercises.length * 10,
  gradedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1,
  environment: { node: 'v20', sandbox: 'none', warnings: [] },
  exercises,
  status: 'graded',
  ...extra,
});

const plan = (graded: string[], kept: string[]): RegradePlan => ({
  kept,
  exercises: ['convolution', 'shapes', 'sequences'].filter((id) => graded.includes(id) || kept.includes(id)).map((id) => ({ manifest: { id } }) as unknown as Exercise),
});

describe('keepGrades', () => {
  it('takes the regraded exercises from the new grade, the others from the previous one, in report order, totals summed again', () => {
    const merged = keepGrades(result([ex('shapes', 10)]), result([ex('convolution', 4), ex('shapes', 2), ex('sequences', 7)]), plan(['shapes'], ['convolution', 'sequences']));
    expect(merged.exercises.map((e) => [e.id, e.score])).toEqual([['convolution', 4], ['shapes', 10], ['sequences', 7]]);
    expect([merged.score, merged.maxScore]).toEqual([21, 30]);
  });

  it('keeps nothing from grades in another language, and nothing without a plan to', () => {
    const fresh = result([ex('shapes', 10)]);
    expect(keepGrades(fresh, result([ex('convolution', 4)], { lang: 'fr' }), plan(['shapes'], ['convolution'])).exercises.map((e) => e.id)).toEqual(['shapes']);
    expect(keepGrades(fresh, result([ex('convolution', 4)]), plan(['shapes'], []))).toBe(fresh);
  });

  it('a regrade without the new file keeps a submission graded when it holds kept grades, ungradable otherwise', () => {
    const fresh = result([ex('shapes', 0, 'missing')], { status: 'ungradable', problem: { code: 'no-expected-file', expected: ['shapes.ts'], found: [] } });
    const withGrades = keepGrades(fresh, result([ex('convolution', 4)]), plan(['shapes'], ['convolution']));
    expect(withGrades.status).toBe('graded');
    expect(withGrades.problem).toBeUndefined();
    const without = keepGrades(fresh, result([ex('convolution', 0, 'missing')]), plan(['shapes'], ['convolution']));
    expect(without).toMatchObject({ status: 'ungradable', problem: { code: 'no-expected-file' } });
  });
});

describe('shapeCached', () => {
  it('cuts a cached merged grade down to what this run grades or keeps (--replace)', () => {
    const cached = result([ex('convolution', 4), ex('shapes', 10)]);
    expect(shapeCached(cached, plan(['shapes'], ['convolution']))).toBe(cached);
    const replaced = shapeCached(cached, plan(['shapes'], []));
    expect(replaced.exercises.map((e) => e.id)).toEqual(['shapes']);
    expect(replaced.score).toBe(10);
  });
});
