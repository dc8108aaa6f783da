import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../grader/diagnose/diagnose.js';
import { fakeContext } from '../../grader/kit/fake-context.js';
import type { CheckDefinition, CheckVerdict } from '../../grader/kit/check.js';
import type { Manifest } from '../../grader/model/manifest.js';
import type { MistakeDefinition } from '../../grader/kit/mistake.js';

export interface ExerciseUnderTest {
  /** The exercise folder (holds exercise.json). */
  readonly dir: string;
  readonly reference: Readonly<Record<string, unknown>>;
  readonly checks: readonly CheckDefinition[];
  readonly mistakes: readonly MistakeDefinition[];
}

/**
 * Runs an exercise's checks in-process against any module, for the unit tests next to an
 * exercise: the sandbox is not what they test, the checks and the catalogue are.
 */
export function exerciseHarness(ex: ExerciseUnderTest) {
  const manifest = JSON.parse(readFileSync(join(ex.dir, 'exercise.json'), 'utf8')) as Manifest;
  const run = (checkId: string, student: Readonly<Record<string, unknown>>): Promise<CheckVerdict> => {
    const check = ex.checks.find((c) => c.id === checkId);
    if (!check) throw new Error(`no check ${checkId}`);
    return check.run({ ...fakeContext({ reference: ex.reference, student, seed: 20261127 }), tolerance: manifest.tolerance });
  };
  const variant = (mistakeId: string): Record<string, unknown> => {
    const mistake = ex.mistakes.find((m) => m.id === mistakeId);
    if (!mistake) throw new Error(`no mistake ${mistakeId}`);
    return { ...ex.reference, ...mistake.overrides };
  };
  /** A check's status on a module, and the mistake the catalogue names from its answers. */
  const diagnosisOf = async (checkId: string, student: Readonly<Record<string, unknown>>): Promise<{ status: string; diagnosis?: string }> => {
    const verdict = await run(checkId, student);
    if (verdict.status === 'failed' && verdict.diagnosis) return { status: verdict.status, diagnosis: verdict.diagnosis };
    const observations = verdict.status === 'failed' ? (verdict.observations ?? []) : [];
    const found = diagnose({ reference: ex.reference, mistakes: ex.mistakes, observations, tolerance: manifest.tolerance });
    return { status: verdict.status, ...(found.mistakes.length > 0 ? { diagnosis: found.mistakes.map((m) => m.id).join('+') } : {}) };
  };
  return { manifest, run, variant, diagnosisOf };
}
