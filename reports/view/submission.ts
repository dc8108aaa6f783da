import { messages } from '../../grader/i18n/index.js';
import { submissionNotes } from '../../grader/i18n/layout-text.js';
import type { SubmissionResult } from '../../grader/model/results.js';
import type { ReportContext } from '../types.js';
import { exerciseView } from './exercise.js';
import { toFixView } from './to-fix.js';
import { formatDate, formatSeconds, scoreView } from './format.js';
import type { ReportView } from './types.js';

/**
 * The report's view model. The language is the result's own: its check titles, messages and
 * mistake texts were written in it, so labels in another language would mix the two.
 */
export function buildReportView(result: SubmissionResult, ctx: ReportContext): ReportView {
  const lang = result.lang;
  const labels = messages(lang).report;
  const byId = new Map(ctx.exercises.map((e) => [e.manifest.id, e]));
  const exercises = result.exercises.map((e) => {
    const exercise = byId.get(e.id);
    return exerciseView(e, { lang, labels, ...(exercise ? { exercise } : {}) });
  });
  const toFix = toFixView(result.exercises, exercises, { lang, labels });
  const m = labels.meta;
  return {
    lang,
    labels,
    documentTitle: labels.documentTitle(result.submission),
    submission: result.submission,
    score: scoreView(lang, labels, result.score, result.maxScore),
    meta: [
      { label: m.gradedAt, value: formatDate(labels, result.gradedAt) },
      { label: m.mode, value: result.mode === 'check' ? m.modeCheck : m.modeGrade },
    ],
    // The grader's own workings: for a teacher or a bug report, folded away from the student.
    technical: [
      { label: m.duration, value: labels.seconds(formatSeconds(lang, result.durationMs / 1000)) },
      { label: m.grader, value: `${result.grader.name} ${result.grader.version}` },
      { label: m.sandbox, value: result.environment.sandbox },
      ...(result.environment.tfBackend ? [{ label: m.tfBackend, value: result.environment.tfBackend }] : []),
    ],
    notices: [...submissionNotes(messages(lang), result), ...(result.mode === 'check' ? [labels.checkModeNotice] : [])],
    warnings: result.environment.warnings,
    exercises,
    toFix,
    footer: labels.footer(result.grader.name, result.grader.version),
  };
}
