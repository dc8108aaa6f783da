import { messages } from '../../grader/i18n/index.js';
import { submissionNotes } from '../../grader/i18n/layout-text.js';
import type { SubmissionResult } from '../../grader/model/results.js';
import type { ReportContext } from '../types.js';
import { checkStatusView } from './check.js';
import { anchorOf, exerciseView } from './exercise.js';
import { formatDate, formatSeconds, scoreView } from './format.js';
import type { ReportView, ToFixView } from './types.js';

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
  const toFix: ToFixView[] = result.exercises.flatMap((e, i): ToFixView[] => {
    const ex = exercises[i]!;
    if (e.status !== 'graded') return [{ anchor: ex.anchor, exercise: e.title, check: ex.status.word, status: ex.status }];
    return e.checks
      .filter((c) => c.status !== 'passed')
      .map((c) => ({
        anchor: anchorOf('ex', e.id, c.id),
        exercise: e.title,
        check: c.title,
        status: checkStatusView(labels, c.status),
        ...(c.status === 'failed' && c.mistake ? { diagnosis: labels.diagnosisTitle(c.mistake.title) } : {}),
      }));
  });
  const m = labels.meta;
  return {
    lang,
    labels,
    documentTitle: labels.documentTitle(result.submission),
    submission: result.submission,
    score: scoreView(lang, labels, result.score, result.maxScore),
    meta: [
      { label: m.gradedAt, value: formatDate(lang, result.gradedAt) },
      { label: m.mode, value: result.mode === 'check' ? m.modeCheck : m.modeGrade },
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
