import type { Visibility } from '../model/results.js';

/**
 * The hidden-input rule, whole: hidden inputs never reach a child that then runs public checks,
 * and nothing about a hidden check reaches the student: not its inputs, not its values, not
 * what the student's code printed, threw or took in time while it ran.
 *
 * - A submission runs every public check of every exercise before any hidden one: PHASE_ORDER,
 *   held by `assertPublicFirst` on every plan (see planSubmission).
 * - Code that kept state from earlier work (a value stashed where the runner's state check does
 *   not look) could carry hidden inputs anywhere: so a hidden phase always starts in a child that
 *   has run nothing else, and that child ends with it (`takesUsedChild`, `handsOnChild`;
 *   SubmissionChildren asks these). Public phases share clean children.
 * - What a child printed is shown only where no hidden check ran (`logsShown`); a hidden phase's
 *   time counts nowhere a student sees (`timeShown`).
 *
 * Redacting a hidden check's own result (no values, no stack, no duration, messages from the
 * fault's kind only) is toCheckResult's and hiddenFailureMessage's. hidden-rule.test.ts says
 * what must keep holding.
 */

/** The phases of a submission, in the order they run. */
export const PHASE_ORDER: readonly Visibility[] = ['public', 'hidden'];

/** Whether a phase may take a child an earlier exercise of the submission used; if not, it gets a fresh one. */
export function takesUsedChild(phase: Visibility): boolean {
  return phase === 'public';
}

/** Whether a child that ran a phase's checks may be handed to a later exercise; if not, it ends with the phase. */
export function handsOnChild(phase: Visibility): boolean {
  return phase === 'public';
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
