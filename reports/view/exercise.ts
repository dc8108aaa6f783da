import type { Messages } from '../../grader/i18n/types.js';
import type { Exercise } from '../../grader/load/exercise.js';
import type { Lang } from '../../grader/model/localized.js';
import type { ExerciseResult } from '../../grader/model/results.js';
import { checkView } from './check.js';
import { scoreView } from './format.js';
import { problemView } from './stack.js';
import type { ExerciseView, StatusView } from './types.js';

/** HTML ids from teacher-chosen ids, kept to a safe alphabet. */
export const anchorOf = (...parts: readonly string[]): string => parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, '_')).join('--');

function statusOf(labels: Messages['report'], e: ExerciseResult): StatusView {
  if (e.status === 'missing') return { key: 'missing', word: labels.exerciseStatus.missing, symbol: '∅' };
  if (e.status !== 'graded') return { key: e.status, word: labels.exerciseStatus[e.status], symbol: '⚠' };
  const passed = e.checks.filter((c) => c.status === 'passed').length;
  if (passed === e.checks.length) return { key: 'complete', word: labels.exerciseOutcome.complete, symbol: '✓' };
  return passed > 0
    ? { key: 'partial', word: labels.exerciseOutcome.partial, symbol: '◐' }
    : { key: 'none', word: labels.exerciseOutcome.none, symbol: '✗' };
}

export interface ExerciseViewOptions {
  readonly lang: Lang;
  readonly labels: Messages['report'];
  /** The loaded exercise, for its summary, statement and tolerance; absent for an unknown id. */
  readonly exercise?: Exercise;
}

export function exerciseView(e: ExerciseResult, o: ExerciseViewOptions): ExerciseView {
  const { lang, labels, exercise } = o;
  const anchor = anchorOf('ex', e.id);
  const graded = e.status === 'graded';
  const firstStack = e.checks.find((c) => c.status === 'error' && c.stack);
  const problem = graded ? undefined : problemView(e.message, firstStack?.status === 'error' ? firstStack.stack : undefined);
  const passed = e.checks.filter((c) => c.status === 'passed').length;
  return {
    anchor,
    title: e.title,
    file: e.file,
    score: scoreView(lang, labels, e.score, e.maxScore),
    status: statusOf(labels, e),
    checksPassed: labels.checksPassed(passed, e.checks.length),
    open: e.score < e.maxScore || !graded,
    ...(exercise ? { summary: exercise.manifest.summary[lang], statement: exercise.statement[lang] } : {}),
    ...(problem ? { problem } : {}),
    checks: e.checks.map((c) =>
      checkView(c, {
        lang,
        labels,
        anchor: anchorOf('ex', e.id, c.id),
        showMessage: graded,
        ...(exercise ? { tolerance: exercise.manifest.tolerance } : {}),
      }),
    ),
    ...(e.logs ? { logs: e.logs } : {}),
  };
}
