import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { SubmissionResult } from '../../grader/model/results.js';

/**
 * Score parity: the scores every fixture submission and example got when the snapshot was taken,
 * so a refactoring that changes a grade fails the test that graded it. The tests that already
 * grade a fixture check it here (no second grading, no added minutes); `tests/parity/<group>.json`
 * is the committed snapshot, `tests/scores-parity.test.ts` checks that it covers every fixture.
 *
 * A change of grade on purpose (a new check, a fixed bug) rewrites the snapshot:
 *   NEUROGRADE_UPDATE_PARITY=1 npx vitest run tests/<the test file>.test.ts
 * and the diff of tests/parity/ shows exactly which grades moved.
 */
export const PARITY_DIR = join(import.meta.dirname, '..', 'parity');

/** One exercise's grade: its status and score, and each check's `<status> <score>/<maxScore>`. */
export interface ExerciseScores {
  readonly status: string;
  readonly score: number;
  readonly maxScore: number;
  readonly checks: Readonly<Record<string, string>>;
}
export type SubmissionScores = Readonly<Record<string, ExerciseScores>>;

/** What parity compares: scores and statuses, never messages, durations or diagnoses (those have their own tests). */
export function scoresOf(result: SubmissionResult): SubmissionScores {
  return Object.fromEntries(result.exercises.map((e) => [e.id, {
    status: e.status,
    score: e.score,
    maxScore: e.maxScore,
    checks: Object.fromEntries(e.checks.map((c) => [c.id, `${c.status} ${c.score}/${c.maxScore}`])),
  }]));
}

const groupFile = (group: string): string => join(PARITY_DIR, `${group}.json`);

/** A group's snapshot, `{}` when it has none yet. */
export function readParity(group: string): Readonly<Record<string, SubmissionScores>> {
  const file = groupFile(group);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, SubmissionScores>) : {};
}

const updating = (): boolean => process.env.NEUROGRADE_UPDATE_PARITY === '1';

/**
 * Expects `result` to score as the snapshot says for `group`/`name`. A group belongs to one test
 * file, so the rewrite in update mode (read, set, write, all synchronous) never races another.
 */
export function expectScoresAsBefore(group: string, name: string, result: SubmissionResult): void {
  const now = scoresOf(result);
  if (updating()) {
    const all = { ...readParity(group), [name]: now };
    const sorted = Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]]));
    writeFileSync(groupFile(group), `${JSON.stringify(sorted, null, 2)}\n`);
    return;
  }
  const before = readParity(group)[name];
  expect(before, `no score snapshot for ${group}/${name}: run NEUROGRADE_UPDATE_PARITY=1 on this test file and commit tests/parity/${group}.json`).toBeDefined();
  expect(now, `${group}/${name} grades differently from tests/parity/${group}.json`).toEqual(before);
}
