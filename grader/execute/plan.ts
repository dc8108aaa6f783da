import { deriveSeed } from '../data/rng.js';
import type { CheckDefinition } from '../kit/check.js';
import type { Exercise } from '../load/exercise.js';
import type { Visibility } from '../model/results.js';
import { assertPublicFirst, PHASE_ORDER } from '../sandbox/hidden-rule.js';

/** One check of one exercise to run: everything about it that does not need the student's code. */
export interface CheckJob {
  readonly check: CheckDefinition;
  readonly visibility: Visibility;
  readonly points: number;
  /** Where its result goes among the exercise's results (the manifest's order). */
  readonly index: number;
  /** Derived from the grading seed and `<exercise>/<check>`: the same seed gives the same cases. */
  readonly seed: number;
  /**
   * The seed is this submission's own (a hidden check of a grading with varyHidden): its cases
   * serve no other submission, so they are not kept on disk for later processes (see
   * GradingEnvironment.caseStore), where a class's would push out the shared ones. @default false
   */
  readonly ownSeed?: boolean;
}

/** The seed hidden checks draw from: the base seed, mixed with the submission's identity when cases vary per submission. */
export function hiddenSeed(base: number, varyHidden: string | undefined): number {
  return varyHidden === undefined ? base : deriveSeed(base, `vary-hidden/${varyHidden}`);
}

/** The checks of one exercise a submission is graded on, in the manifest's order. */
export interface ExercisePlan {
  readonly exercise: Exercise;
  readonly jobs: readonly CheckJob[];
  readonly maxScore: number;
}

/** One phase: the jobs of that visibility of each exercise that has some. */
export interface PhasePlan {
  readonly visibility: Visibility;
  readonly exercises: readonly { readonly exercise: number; readonly jobs: readonly CheckJob[] }[];
}

/** What grading a submission will run, in order; built before any child starts. */
export interface SubmissionPlan {
  readonly exercises: readonly ExercisePlan[];
  readonly phases: readonly PhasePlan[];
}

export interface PlanOptions {
  /** 'check' plans the public checks alone. */
  readonly mode: 'grade' | 'check';
  readonly seed: number;
  /** The submission's identity that varies the hidden checks' seed (GradeOptions.varyHidden). @default none */
  readonly varyHidden?: string | undefined;
}

/** The checks of one exercise: all of them when grading, the public ones for the student's `check`. */
export function planExercise(exercise: Exercise, options: PlanOptions): ExercisePlan {
  const { manifest } = exercise;
  const graded = exercise.checks.filter((c) => options.mode === 'grade' || manifest.checks[c.id]!.public);
  const base = manifest.seed ?? options.seed;
  const jobs = graded.map((check, index): CheckJob => {
    const entry = manifest.checks[check.id]!;
    // Public checks keep the base seed: their cases must stay those the student package ships.
    const seed = entry.public ? base : hiddenSeed(base, options.varyHidden);
    const own = !entry.public && options.varyHidden !== undefined;
    return { check, visibility: entry.public ? 'public' : 'hidden', points: entry.points, index, seed: deriveSeed(seed, `${manifest.id}/${check.id}`), ...(own ? { ownSeed: true } : {}) };
  });
  return { exercise, jobs, maxScore: jobs.reduce((s, j) => s + j.points, 0) };
}

/**
 * Plans a submission: each exercise's checks, then the phases they run in. Every public check
 * of every exercise runs before any hidden one (see hidden-rule.ts), so one child can serve a
 * whole submission.
 */
export function planSubmission(exercises: readonly Exercise[], options: PlanOptions): SubmissionPlan {
  const plans = exercises.map((e) => planExercise(e, options));
  const phases = PHASE_ORDER.map((visibility) => ({
    visibility,
    exercises: plans
      .map((p, exercise) => ({ exercise, jobs: p.jobs.filter((j) => j.visibility === visibility) }))
      .filter((e) => e.jobs.length > 0),
  }));
  assertPublicFirst(phases.flatMap((p) => p.exercises.flatMap((e) => e.jobs)));
  return { exercises: plans, phases };
}
