import { join } from 'node:path';
import type { Messages } from '../i18n/index.js';
import { listExerciseIds, loadExercises, type ExerciseSources } from '../load/exercises.js';
import { UsageError } from '../model/errors.js';
import type { Exercise } from '../load/exercise.js';
import type { Lang } from '../model/localized.js';
import { SubmissionResultSchema, type ExerciseResult, type SubmissionResult } from '../model/results.js';
import { validator } from '../schema/validate.js';
import { readIfValid } from '../io/read-validated.js';
import { ClassResultSchema, type ClassResult } from '../model/class-results.js';
import { roundScore } from '../i18n/score.js';

const validateClass = validator(ClassResultSchema);
const validateResult = validator(SubmissionResultSchema);

/** What a batch into an output folder that already holds grades does with them. */
export interface RegradePlan {
  /** Exercises graded before, not graded now, whose grades each submission keeps. */
  readonly kept: readonly string[];
  /** Every exercise a submission's results may hold: the graded ones and the kept ones, in report order. */
  readonly exercises: readonly Exercise[];
}

/** The class results.json a previous batch left in `out`, when it is there and valid. */
export function readClassResults(out: string): ClassResult | undefined {
  return readIfValid(join(out, 'results.json'), validateClass);
}

/** A submission's results.json in `dir`, when it is there and valid. */
export function readSubmissionResults(dir: string): SubmissionResult | undefined {
  return readIfValid(join(dir, 'results.json'), validateResult);
}

export interface RegradeRequest {
  readonly out: string;
  readonly roots: ExerciseSources;
  /** The exercises this batch grades, loaded. */
  readonly graded: readonly Exercise[];
  readonly lang: Lang;
  /** Drop the grades of exercises not graded now. @default false */
  readonly replace?: boolean;
  readonly t: Messages;
}

/**
 * Decides what a regrade keeps. A batch of some exercises into a folder whose gradebook has
 * others keeps those others' grades (each submission's results.json is merged, the gradebook
 * keeps every column), unless `replace`. Keeping them is refused, as bad usage, when it would
 * mix languages or when a kept exercise no longer exists: the teacher then chooses `--replace`.
 */
export async function planRegrade(req: RegradeRequest): Promise<RegradePlan> {
  const previous = req.replace ? undefined : readClassResults(req.out);
  const ids = req.graded.map((e) => e.manifest.id);
  const kept = (previous?.exercises ?? []).map((e) => e.id).filter((id) => !ids.includes(id));
  if (!previous || kept.length === 0) return { kept: [], exercises: req.graded };
  if (previous.lang !== req.lang) throw new UsageError(req.t.batch.regrade.lang(req.out, previous.lang, kept.join(', ')));
  const known = listExerciseIds(req.roots);
  const gone = kept.filter((id) => !known.includes(id));
  if (gone.length > 0) throw new UsageError(req.t.batch.regrade.gone(req.out, gone.join(', ')));
  const keptExercises = await loadExercises(req.roots, kept);
  const order = (a: Exercise, b: Exercise): number => (a.manifest.order ?? 100) - (b.manifest.order ?? 100) || a.manifest.id.localeCompare(b.manifest.id);
  return { kept, exercises: [...req.graded, ...keptExercises].sort(order) };
}

/**
 * A submission's results with exactly the exercises of `order` that `pick` gives, in that
 * order, and the totals summed again from them.
 */
export function composeResult(base: SubmissionResult, pick: (id: string) => ExerciseResult | undefined, order: readonly string[]): SubmissionResult {
  const exercises = order.flatMap((id) => {
    const r = pick(id);
    return r ? [r] : [];
  });
  return {
    ...base,
    score: roundScore(exercises.reduce((s, e) => s + e.score, 0)),
    maxScore: roundScore(exercises.reduce((s, e) => s + e.maxScore, 0)),
    exercises,
  };
}

/**
 * A fresh grade merged with the kept exercises of the submission's previous results: graded
 * exercises from `fresh`, kept ones from `previous` (absent when it never had them).
 */
export function keepGrades(fresh: SubmissionResult, previous: SubmissionResult | undefined, plan: RegradePlan): SubmissionResult {
  if (plan.kept.length === 0) return fresh;
  const order = plan.exercises.map((e) => e.manifest.id);
  const kept = new Set(plan.kept);
  const old = previous && previous.lang === fresh.lang ? previous : undefined;
  const keptResults = (old?.exercises ?? []).filter((e) => kept.has(e.id));
  const merged = composeResult(fresh, (id) => fresh.exercises.find((e) => e.id === id) ?? keptResults.find((e) => e.id === id), order);
  // Handed in without the files of the exercises graded now, yet holding grades of the kept
  // ones: it stays a graded submission, its new exercises missing.
  if (merged.status !== 'ungradable' || keptResults.every((e) => e.status === 'missing')) return merged;
  const { problem: _dropped, ...rest } = merged;
  return { ...rest, status: 'graded' };
}

/** A cached result cut down to the exercises this run grades or keeps (a `--replace` after a merge drops the rest). */
export function shapeCached(result: SubmissionResult, plan: RegradePlan): SubmissionResult {
  const order = plan.exercises.map((e) => e.manifest.id);
  if (result.exercises.every((e) => order.includes(e.id))) return result;
  return composeResult(result, (id) => result.exercises.find((e) => e.id === id), order);
}
