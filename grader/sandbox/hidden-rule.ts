import type { Visibility } from '../model/results.js';

/**
 * The hidden-input rule, whole: hidden inputs never reach a child that then runs public checks,
 * and nothing about a hidden check reaches the student: not its inputs, not its values, not
 * what the student's code printed, threw or took in time while it ran.
 *
 * - A submission runs every public check of every exercise before any hidden one: PHASE_ORDER,
 *   held by `assertPublicFirst` on every plan (see planSubmission).
 * - Code that kept state from earlier work (a value stashed where the runner's state check does
 *   not look) could carry hidden inputs into whatever the child runs next. So a child that ran a
 *   hidden phase only ever runs hidden phases after it: idle children are kept in two pools,
 *   and a public phase takes only from the pool of children that saw public inputs alone
 *   (`poolsTakenBy`, `poolAfter`; SubmissionChildren asks these).
 * - A hidden phase may take a child of either pool. What it could learn there (an earlier
 *   exercise's hidden inputs, stashed) can reach the student only through what a hidden phase
 *   shows, which is its verdicts alone (pass or fail, a fault's kind, the mistake named): the
 *   same channel its own hidden inputs already have, with no more capacity. Until 2026-11-29
 *   every hidden phase started a fresh child instead: seven children of about 45 ms of CPU each
 *   in a cold grade of the numeric exercises, a third of its CPU, for no input kept from anyone.
 * - What a child printed is shown only where no hidden check ran (`logsShown`); a hidden phase's
 *   time counts nowhere a student sees (`timeShown`).
 *
 * Redacting a hidden check's own result (no values, no stack, no duration, messages from the
 * fault's kind only) is toCheckResult's and hiddenFailureMessage's. hidden-rule.test.ts says
 * what must keep holding.
 */

/** The phases of a submission, in the order they run. */
export const PHASE_ORDER: readonly Visibility[] = ['public', 'hidden'];

/**
 * The pools of idle children a phase may take one from, best first: a hidden phase first takes
 * a child that saw hidden inputs already (keeping the clean ones for any public phase still to
 * come), then one that saw public inputs only; a public phase only the latter.
 */
export function poolsTakenBy(phase: Visibility): readonly Visibility[] {
  return phase === 'public' ? ['public'] : ['hidden', 'public'];
}

/** The pool a child joins once a phase is done with it: the inputs it saw, at worst. */
export function poolAfter(phase: Visibility): Visibility {
  return phase;
}

/** Whether the student sees what their code printed during a phase: only in `check` mode, which runs public checks alone. */
export function logsShown(phase: Visibility, mode: 'grade' | 'check'): boolean {
  return mode === 'check' && phase === 'public';
}

/** Whether a phase's time counts in the exercise's duration: code that recognises a hidden input could spend time in proportion to it. */
export function timeShown(phase: Visibility): boolean {
  return phase === 'public';
}

/** Throws (a grader fault) unless every public job comes before every hidden one. */
export function assertPublicFirst(jobs: readonly { readonly visibility: Visibility }[]): void {
  const firstHidden = jobs.findIndex((j) => j.visibility === 'hidden');
  if (firstHidden >= 0 && jobs.slice(firstHidden).some((j) => j.visibility === 'public')) {
    throw new Error('the grading plan runs a public check after a hidden one: hidden inputs would reach a child that then runs public checks');
  }
}
