import type { Adjustments, AppliedOverride, Late, TimeSource } from '../model/adjustments.js';
import type { ExerciseResult, SubmissionResult } from '../model/results.js';
import { roundScore } from '../i18n/score.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The late policy of a batch (`--deadline`, `--late-penalty`, `--late-cutoff`), resolved. */
export interface LatePolicy {
  readonly deadline: Date;
  /** Percent of every exercise's score taken off per started day late. */
  readonly penaltyPerDay: number;
  /** After this, the score is 0. @default none */
  readonly cutoff?: Date;
}

/** When a submission was handed in, and what said so. */
export interface SubmissionTime {
  readonly at?: Date;
  readonly source: TimeSource;
}

/**
 * The late policy's verdict on one submission. A day late is any started day after the deadline
 * (one second late is one day); without a time, nothing is taken off and `source` says why.
 */
export function lateOf(policy: LatePolicy, time: SubmissionTime): Late {
  const base = { deadline: policy.deadline.toISOString(), source: time.source, ...(policy.cutoff ? { cutoff: policy.cutoff.toISOString() } : {}) };
  if (!time.at) return { ...base, daysLate: 0, penaltyPercent: 0 };
  const late = time.at.getTime() - policy.deadline.getTime();
  const daysLate = late > 0 ? Math.ceil(late / DAY_MS) : 0;
  const afterCutoff = policy.cutoff !== undefined && time.at.getTime() > policy.cutoff.getTime();
  const penaltyPercent = afterCutoff ? 100 : Math.min(100, roundScore(daysLate * policy.penaltyPerDay));
  return { ...base, submittedAt: time.at.toISOString(), daysLate, penaltyPercent, ...(afterCutoff ? { afterCutoff: true } : {}) };
}

/** An override of one student, checked against the exercises (see resolveOverrides). */
export interface StudentOverride {
  readonly exercise: string;
  readonly check?: string;
  readonly points: number;
  readonly comment: string;
}

/** What to apply to one submission's raw result. */
export interface StudentAdjustments {
  readonly overrides: readonly StudentOverride[];
  readonly late?: Late;
}

/**
 * The grader's own result: the teacher's adjustments taken out, every score as graded. Applying
 * the current files to this, never to an adjusted result, is what makes a regrade, a merge and a
 * cached rerun give the same grade, and an override removed from the file disappear.
 */
export function rawResult(result: SubmissionResult): SubmissionResult {
  const a = result.adjustments;
  if (!a) return result;
  const { adjustments: _dropped, ...rest } = result;
  const exercises = result.exercises.map((e) => {
    const checkRaw = new Map(a.overrides.filter((o) => o.exercise === e.id && o.check !== undefined).map((o) => [o.check!, o.raw]));
    const checks = checkRaw.size === 0 ? e.checks : e.checks.map((c) => (checkRaw.has(c.id) ? { ...c, score: checkRaw.get(c.id)! } : c));
    return e.id in a.rawExercises ? { ...e, score: a.rawExercises[e.id]!, checks } : { ...e, checks };
  });
  return { ...rest, exercises, score: a.rawScore };
}

/** One exercise with the overrides of its checks, then of itself, applied; the overrides as applied. */
function overrideExercise(e: ExerciseResult, overrides: readonly StudentOverride[]): { exercise: ExerciseResult; applied: AppliedOverride[] } {
  const applied: AppliedOverride[] = [];
  let exercise = e;
  const onChecks = overrides.filter((o) => o.exercise === e.id && o.check !== undefined);
  if (onChecks.length > 0) {
    const checks = e.checks.map((c) => {
      const o = onChecks.find((x) => x.check === c.id);
      if (!o) return c;
      const points = Math.min(o.points, c.maxScore);
      applied.push({ exercise: e.id, check: c.id, points, raw: c.score, comment: o.comment });
      return { ...c, score: points };
    });
    exercise = { ...exercise, checks, score: roundScore(checks.reduce((s, c) => s + c.score, 0)) };
  }
  const whole = overrides.find((o) => o.exercise === e.id && o.check === undefined);
  if (whole) {
    const points = Math.min(whole.points, e.maxScore);
    applied.push({ exercise: e.id, points, raw: exercise.score, comment: whole.comment });
    exercise = { ...exercise, score: points };
  }
  return { exercise, applied };
}

/**
 * The result a teacher's adjustments give: overrides first (a check's, then the exercise's
 * points), then the late penalty taken off every exercise, so that the exercise columns of a
 * gradebook still add up to the total. The grader's scores are kept in `adjustments`.
 * Returns the raw result unchanged when there is nothing to apply.
 */
export function applyAdjustments(raw: SubmissionResult, adj: StudentAdjustments): SubmissionResult {
  if (adj.overrides.length === 0 && !adj.late) return raw;
  const overrides: AppliedOverride[] = [];
  const factor = adj.late ? 1 - adj.late.penaltyPercent / 100 : 1;
  const rawExercises: Record<string, number> = {};
  const exercises = raw.exercises.map((e) => {
    const { exercise, applied } = overrideExercise(e, adj.overrides);
    overrides.push(...applied);
    const score = roundScore(exercise.score * factor);
    if (score !== e.score) rawExercises[e.id] = e.score;
    return { ...exercise, score };
  });
  const adjustments: Adjustments = { rawScore: raw.score, rawExercises, overrides, ...(adj.late ? { late: adj.late } : {}) };
  return { ...raw, exercises, score: roundScore(exercises.reduce((s, e) => s + e.score, 0)), adjustments };
}
