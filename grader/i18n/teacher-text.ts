import type { Late, TeacherProblem } from '../model/adjustments.js';
import type { Lang } from '../model/localized.js';
import type { SubmissionResult } from '../model/results.js';
import type { Messages } from './types.js';
import { formatScore } from './score.js';

/** A problem of the teacher's inputs, in words, with its file and line. */
export function teacherProblemText(t: Messages, p: TeacherProblem): string {
  const m = t.teacher.problem;
  const at = (file: string, line: number): string => t.teacher.at(file, line);
  switch (p.code) {
    case 'unreadable':
      return m.unreadable(p.file, p.detail);
    case 'bad-json':
      return m['bad-json'](p.file, p.detail);
    case 'bad-shape':
      return m['bad-shape'](p.file, p.detail);
    case 'missing-column':
      return m['missing-column'](p.file, p.column, p.found.map((f) => `"${f}"`).join(', '));
    case 'bad-date':
      return m['bad-date'](at(p.file, p.line), p.value);
    case 'bad-points':
      return m['bad-points'](at(p.file, p.line), p.value);
    case 'empty-cell':
      return m['empty-cell'](at(p.file, p.line), p.column);
    case 'duplicate':
      return m.duplicate(at(p.file, p.line), p.other);
    case 'unknown-student':
      return m['unknown-student'](at(p.file, p.line), p.student);
    case 'not-submitted':
      return m['not-submitted'](at(p.file, p.line), p.student);
    case 'unknown-exercise':
      return m['unknown-exercise'](at(p.file, p.line), p.exercise, p.known.join(', '));
    case 'unknown-check':
      return m['unknown-check'](at(p.file, p.line), p.exercise, p.check);
    case 'above-max':
      return m['above-max'](at(p.file, p.line), p.points, p.max);
    case 'bad-option':
      return m['bad-option'](p.option, p.value);
    case 'cutoff-before-deadline':
      return m['cutoff-before-deadline'](p.cutoff, p.deadline);
    case 'no-deadline':
      return m['no-deadline'](p.option);
  }
}

const LOCALE: Readonly<Record<Lang, string>> = { en: 'en-GB', fr: 'fr-FR' };

/** A moment as a reader writes it, in UTC so that every machine renders the same page. */
export function whenText(lang: Lang, iso: string): string {
  return `${new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;
}

/** A number of points in the language's format (2,5 in French). */
export function pointsText(lang: Lang, x: number): string {
  return formatScore(x, lang);
}

/** What the late policy did to a submission, in one sentence. */
export function lateText(t: Messages, lang: Lang, late: Late): string {
  const n = t.teacher.note;
  const source = t.teacher.source[late.source];
  if (!late.submittedAt) return n.unknownTime(whenText(lang, late.deadline));
  const at = whenText(lang, late.submittedAt);
  if (late.afterCutoff && late.cutoff) return n.cutoff(at, source, whenText(lang, late.cutoff));
  if (late.daysLate === 0) return n.onTime(at, source, whenText(lang, late.deadline));
  return n.late(late.daysLate, pointsText(lang, late.penaltyPercent), at, source, whenText(lang, late.deadline));
}

/**
 * The lines a student's reports show about the teacher's adjustments: the late policy's verdict,
 * each override with its comment, and the grader's own total when it changed.
 */
export function adjustmentNotes(t: Messages, result: SubmissionResult): string[] {
  const a = result.adjustments;
  if (!a) return [];
  const lang = result.lang;
  const title = (id: string): string => result.exercises.find((e) => e.id === id)?.title ?? id;
  const checkTitle = (ex: string, id: string): string => result.exercises.find((e) => e.id === ex)?.checks.find((c) => c.id === id)?.title ?? id;
  const notes = a.late ? [lateText(t, lang, a.late)] : [];
  for (const o of a.overrides) {
    const what = o.check !== undefined ? t.teacher.note.overrideCheck(title(o.exercise), checkTitle(o.exercise, o.check)) : title(o.exercise);
    notes.push(t.teacher.note.override(what, pointsText(lang, o.points), pointsText(lang, o.raw), o.comment));
  }
  if (a.rawScore !== result.score) notes.push(t.teacher.note.raw(pointsText(lang, a.rawScore), pointsText(lang, result.maxScore)));
  return notes;
}
