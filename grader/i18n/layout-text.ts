import type { Layout, SubmissionProblem, SubmissionResult } from '../model/results.js';
import type { Messages } from './types.js';
import { adjustmentNotes } from './teacher-text.js';

/** Why a submission cannot be graded as handed in, in words. */
export function problemText(t: Messages, p: SubmissionProblem): string {
  const m = t.layout.problem;
  switch (p.code) {
    case 'empty':
      return m.empty();
    case 'unreadable':
      return m.unreadable(p.detail);
    case 'no-expected-file':
      return m['no-expected-file'](p.expected.join(', '), p.found.join(', '));
    case 'nested':
      return m.nested(p.found.join(', '));
  }
}

/** The notes on how a submission was handed in: the sub-folder graded from, the files not graded. */
export function layoutNotes(t: Messages, layout: Layout | undefined): string[] {
  if (!layout) return [];
  return [
    ...(layout.folder ? [t.layout.gradedFrom(layout.folder)] : []),
    ...(layout.skipped.length > 0 ? [t.layout.skipped(layout.skipped.join(', '), layout.skippedMore ?? 0)] : []),
  ];
}

/** Every line a report shows about how the submission was handed in, the problem first, then the teacher's adjustments (late policy, overrides). */
export function submissionNotes(t: Messages, result: SubmissionResult): string[] {
  return [...(result.problem ? [problemText(t, result.problem)] : []), ...layoutNotes(t, result.layout), ...adjustmentNotes(t, result)];
}
