import { observations } from '../grader/diagnose/describe.js';
import { messages, type Messages } from '../grader/i18n/index.js';
import { formatScore } from '../grader/i18n/score.js';
import { submissionNotes } from '../grader/i18n/layout-text.js';
import type { CheckResult } from '../grader/model/results.js';
import type { SubmissionReporter } from './types.js';
import { visibleText } from '../grader/io/unsafe-text.js';

/** One test of Gradescope's autograder `results.json` ("Autograder Specifications", output format). */
export interface GradescopeTest {
  readonly name: string;
  readonly number: string;
  readonly score: number;
  readonly max_score: number;
  readonly status: 'passed' | 'failed';
  readonly visibility: 'visible' | 'hidden' | 'after_due_date' | 'after_published';
  readonly output: string;
  readonly output_format: 'text';
}

export interface GradescopeResults {
  readonly score: number;
  readonly execution_time: number;
  readonly output: string;
  readonly output_format: 'text';
  readonly visibility: 'visible';
  readonly stdout_visibility: 'hidden';
  readonly tests: readonly GradescopeTest[];
}

function output(check: CheckResult, passed: string, t: Messages): string {
  if (check.status === 'passed') return visibleText(check.message ?? passed, { multiline: true });
  const lines = [check.message];
  if (check.status === 'failed') {
    for (const m of [...(check.mistake ? [check.mistake] : []), ...(check.alsoMistakes ?? [])]) lines.push(`${m.title}: ${m.explanation}`, m.hint);
  }
  lines.push(...observations(check, t));
  return visibleText(lines.join('\n'), { multiline: true });
}

/**
 * `gradescope.json`: the submission in Gradescope's autograder format; a `run_autograder`
 * script copies it to `/autograder/results/results.json`. One test per check, numbered
 * `exercise.check`; hidden checks are shown once grades are published (`after_published`), and
 * they carry no values anyway. Errors and time-outs count as failed: Gradescope knows no other.
 */
export const gradescope: SubmissionReporter = {
  name: 'gradescope',
  fileName: 'gradescope.json',
  render(result, ctx) {
    const t = messages(ctx.lang).batch.gradescope;
    const tests: GradescopeTest[] = result.exercises.flatMap((ex, i) =>
      ex.checks.map((check, j) => ({
        name: `${ex.title}: ${check.title}`,
        number: `${i + 1}.${j + 1}`,
        score: check.score,
        max_score: check.maxScore,
        status: check.status === 'passed' ? 'passed' : 'failed',
        visibility: check.visibility === 'hidden' ? 'after_published' : 'visible',
        output: output(check, t.passed, messages(ctx.lang)),
        output_format: 'text',
      })),
    );
    const doc: GradescopeResults = {
      score: result.score,
      execution_time: Math.max(1, Math.round(result.durationMs / 1000)),
      output: [t.output(formatScore(result.score, ctx.lang), formatScore(result.maxScore, ctx.lang)), ...submissionNotes(messages(ctx.lang), result)].join('\n'),
      output_format: 'text',
      visibility: 'visible',
      stdout_visibility: 'hidden',
      tests,
    };
    return JSON.stringify(doc, null, 2) + '\n';
  },
};
