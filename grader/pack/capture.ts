import { messages } from '../i18n/index.js';
import { deriveSeed } from '../data/rng.js';
import { createMemo } from '../kit/memo.js';
import type { CaseOutcome, CheckContext, CheckDefinition, CheckVerdict } from '../kit/check.js';
import type { Exercise } from '../load/exercise.js';
import type { Lang } from '../model/localized.js';
import { exportsUsed, type Step } from '../sandbox/steps.js';

export type Cases = readonly (readonly Step[])[];

/** What the student's side answers in a dry run: a failure, or given outcomes for the cases. */
export type DryAnswer = (cases: Cases, call: number) => { readonly ok: false } | { readonly ok: true; readonly cases: readonly CaseOutcome[] };

export interface DryRun {
  /** Every batch of cases the check sent to the "student", in order. */
  readonly calls: readonly Cases[];
  readonly verdict: CheckVerdict;
}

/**
 * Runs a check with no student at all: the cases it would send are recorded and answered by
 * `answer`. Checks are opaque functions, so this is how the pack learns a public check's cases
 * and the CI learns which exports a check touches, without a second description of either.
 */
export async function dryRunCheck(
  exercise: Exercise,
  check: CheckDefinition,
  options: { readonly seed: number; readonly lang: Lang; readonly answer?: DryAnswer },
): Promise<DryRun> {
  const calls: Cases[] = [];
  const entry = exercise.manifest.checks[check.id];
  const ctx: CheckContext = {
    exercise: exercise.manifest,
    reference: exercise.reference,
    tolerance: exercise.manifest.tolerance,
    seed: deriveSeed(options.seed, `${exercise.manifest.id}/${check.id}`),
    visibility: entry?.public ? 'public' : 'hidden',
    lang: options.lang,
    t: messages(options.lang),
    // A dry run computes everything afresh: nothing here is shared between calls.
    memo: createMemo(),
    run: async (cases) => {
      calls.push(cases);
      const a = options.answer?.(cases, calls.length - 1) ?? { ok: false };
      return a.ok ? { ok: true, cases: a.cases } : { ok: false, failure: { kind: 'protocol', problem: 'dry-run' } };
    },
  };
  const verdict = await check.run(ctx);
  return { calls, verdict };
}

/** The exports a check's cases call, in the order they first appear. */
export async function checkExports(exercise: Exercise, check: CheckDefinition, seed: number): Promise<string[]> {
  try {
    const { calls } = await dryRunCheck(exercise, check, { seed, lang: 'en' });
    return [...new Set(calls.flatMap((cases) => cases.flatMap((steps) => exportsUsed(steps))))];
  } catch {
    return [];
  }
}
