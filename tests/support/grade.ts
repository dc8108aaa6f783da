import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { GradingEnvironment } from '../../grader/execute/grade-submission.js';
import { testEnvironment } from './sandbox.js';
import { gradeSubmission } from '../../grader/execute/grade-submission.js';
import type { GradeOptions } from '../../grader/execute/options.js';
import type { Limits } from '../../grader/model/manifest.js';
import type { CheckResult, ExerciseResult, SubmissionResult } from '../../grader/model/results.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples', 'submissions');

/** One environment per exercise set, shared by the tests of a file (loading is the slow part); under CI, in bwrap (see testSandbox). */
export async function environment(only?: readonly string[]): Promise<GradingEnvironment> {
  return testEnvironment(only ? { only } : {});
}

export async function grade(env: GradingEnvironment, dir: string, options: GradeOptions = {}): Promise<SubmissionResult> {
  return gradeSubmission(env, dir, { concurrency: 2, ...options });
}

export function exercise(result: SubmissionResult, id: string): ExerciseResult {
  const e = result.exercises.find((x) => x.id === id);
  if (!e) throw new Error(`no exercise ${id} in the result`);
  return e;
}

export function check(result: SubmissionResult, exerciseId: string, checkId: string): CheckResult {
  const c = exercise(result, exerciseId).checks.find((x) => x.id === checkId);
  if (!c) throw new Error(`no check ${exerciseId}/${checkId} in the result`);
  return c;
}

/** The sub-folders of a fixture folder, for it.each tables. */
export function fixtureDirs(folder: string): string[] {
  const root = join(FIXTURES, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

/** The environment with one exercise's manifest limits changed (a manifest's limits win over GradeOptions'). */
export function withExerciseLimits(env: GradingEnvironment, id: string, limits: Limits): GradingEnvironment {
  return {
    ...env,
    exercises: env.exercises.map((e) => (e.manifest.id === id ? { ...e, manifest: { ...e.manifest, limits: { ...e.manifest.limits, ...limits } } } : e)),
  };
}
