import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import { environment, fixtureDirs, FIXTURES, grade } from './support/grade.js';
import { expectScoresAsBefore } from './support/parity.js';

/**
 * Every mistake of every catalogue has a fixture submission that makes exactly that mistake:
 * `tests/fixtures/mistakes/<mistake-id>/` with the exercise's file and a `fixture.json` naming
 * the exercise. Grading it must name the mistake on a failed check, and no other mistake.
 */
const dirs = fixtureDirs('mistakes');
const exerciseOf = (id: string): string =>
  (JSON.parse(readFileSync(join(FIXTURES, 'mistakes', id, 'fixture.json'), 'utf8')) as { exercise: string }).exercise;

describe('each catalogued mistake is diagnosed by name', () => {
  let env: GradingEnvironment;
  beforeAll(async () => {
    env = await environment();
  });

  it('has a fixture for every mistake of every exercise', () => {
    const catalogue = env.exercises.filter((e) => e.manifest.id !== 'models').flatMap((e) => e.mistakes.map((m) => m.id));
    expect(catalogue.filter((id) => !dirs.includes(id))).toEqual([]);
  });

  it.each(dirs)('%s', async (id) => {
    const exerciseId = exerciseOf(id);
    const result = await grade({ ...env, exercises: env.exercises.filter((e) => e.manifest.id === exerciseId) }, join(FIXTURES, 'mistakes', id));
    expectScoresAsBefore('mistakes', id, result);
    const failed = result.exercises[0]!.checks.filter((c) => c.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    const named = new Set(failed.map((c) => (c.status === 'failed' ? c.diagnosis : undefined)).filter(Boolean));
    expect([...named]).toEqual([id]);
  });
});
