import type { Layout, SubmissionProblem, SubmissionResult } from '../model/results.js';
import { visibleText } from '../io/unsafe-text.js';
import type { Messages } from './types.js';
import { adjustmentNotes } from './teacher-text.js';

// File and folder names are the student's: shown with their control and bidi characters escaped,
// whatever prints them (a terminal keeps the grader's own colour codes, so a name's must not pass).
const names = (list: readonly string[]): string => list.map((n) => visibleText(n)).join(', ');

/** Why a submission cannot be graded as handed in, in words. */
export function problemText(t: Messages, p: SubmissionProblem): string {
  const m = t.layout.problem;
  switch (p.code) {
    case 'empty':
      return m.empty();
    case 'unreadable':
      return m.unreadable(visibleText(p.detail));
    case 'no-expected-file':
      return m['no-expected-file'](p.expected.join(', '), names(p.found));
    case 'nested':
      return m.nested(names(p.found));
  }
}

/** The notes on how a submission was handed in: the sub-folder graded from, the files not graded. */
export function layoutNotes(t: Messages, layout: Layout | undefined): string[] {
  if (!layout) return [];
  return [
    ...(layout.folder ? [t.layout.gradedFrom(visibleText(layout.folder))] : []),
    ...(layout.skipped.length > 0 ? [t.layout.skipped(names(layout.skipped), layout.skippedMore ?? 0)] : []),
  ];
}

/** Every line a report shows about how the submission was handed in, the problem first, then the teacher's adjustments (late policy, overrides). */
export function submissionNotes(t: Messages, result: SubmissionResult): string[] {
  return [...(result.problem ? [problemText(t, result.problem)] : []), ...layoutNotes(t, result.layout), ...adjustmentNotes(t, result)];
}
