import type { BatchEntry } from '../model/class-results.js';
import type { TeacherProblem } from '../model/adjustments.js';
import type { TeacherInputs } from '../batch/teacher.js';
import type { Messages } from '../i18n/index.js';
import { pointsText, teacherProblemText } from '../i18n/teacher-text.js';
import type { Lang } from '../model/localized.js';
import { UsageError } from '../model/errors.js';

/** The teacher's controls, shared by batch and merge. */
export const TEACHER_OPTIONS = {
  deadline: { type: 'string' },
  'late-penalty': { type: 'string' },
  'late-cutoff': { type: 'string' },
  dates: { type: 'string' },
  overrides: { type: 'string' },
  'csv-locale': { type: 'string' },
} as const;

type TeacherValues = { readonly deadline?: string; readonly 'late-penalty'?: string; readonly 'late-cutoff'?: string; readonly dates?: string; readonly overrides?: string; readonly 'csv-locale'?: string };

/** The teacher's inputs of a command line, checked later all together (see loadTeacher); none when no control was given. */
export function teacherInputs(values: TeacherValues): TeacherInputs | undefined {
  const inputs: TeacherInputs = {
    ...(values.deadline !== undefined ? { deadline: values.deadline } : {}),
    ...(values['late-penalty'] !== undefined ? { latePenalty: values['late-penalty'] } : {}),
    ...(values['late-cutoff'] !== undefined ? { lateCutoff: values['late-cutoff'] } : {}),
    ...(values.dates !== undefined ? { dates: values.dates } : {}),
    ...(values.overrides !== undefined ? { overrides: values.overrides } : {}),
  };
  return Object.keys(inputs).length > 0 ? inputs : undefined;
}

/** `--csv-locale fr|en`: how gradebook.csv and feedback.csv write numbers. */
export function parseCsvLocale(value: string | undefined): { csvLocale?: 'en' | 'fr' } {
  if (value === undefined) return {};
  if (value !== 'fr' && value !== 'en') throw new UsageError(`--csv-locale must be fr (";" and decimal commas) or en, not "${value}"`);
  return { csvLocale: value };
}

/**
 * The closing lines about the teacher's controls: the lines of their files not applied (all
 * together), where each submission's time came from, who is late, who did not submit, how many
 * overrides applied.
 */
export function teacherLines(entries: readonly BatchEntry[], problems: readonly TeacherProblem[], t: Messages, lang: Lang): string[] {
  const lines: string[] = [];
  if (problems.length > 0) lines.push(t.teacher.skipped(problems.length, problems.map((p) => teacherProblemText(t, p)).join('\n  - ')));
  const results = entries.flatMap((e) => (e.status === 'graded' || e.status === 'ungradable') && e.result?.adjustments ? [{ name: e.name, a: e.result.adjustments }] : []);
  const timed = results.filter((r) => r.a.late);
  if (timed.length > 0) {
    const bySource = (['dates', 'git', 'zip'] as const).map((s) => [s, timed.filter((r) => r.a.late!.source === s).map((r) => r.name)] as const).filter(([, names]) => names.length > 0);
    const unknown = timed.filter((r) => r.a.late!.source === 'none').map((r) => r.name);
    const parts = [...bySource.map(([s, names]) => t.teacher.timesPart(names.length, t.teacher.source[s], names.join(', '))), ...(unknown.length > 0 ? [t.teacher.timesUnknown(unknown.join(', '))] : [])];
    lines.push(t.teacher.times(parts.join('; ')));
    const late = timed.filter((r) => r.a.late!.daysLate > 0);
    if (late.length > 0) lines.push(t.teacher.lateList(late.map((r) => t.teacher.lateItem(r.name, r.a.late!.daysLate, pointsText(lang, r.a.late!.penaltyPercent), t.teacher.source[r.a.late!.source])).join(', ')));
  }
  const missing = entries.filter((e) => e.status === 'not-submitted').map((e) => e.name);
  if (missing.length > 0) lines.push(t.teacher.notSubmittedList(missing.join(', ')));
  const overridden = results.filter((r) => r.a.overrides.length > 0);
  if (overridden.length > 0) lines.push(t.teacher.overridesApplied(overridden.reduce((s, r) => s + r.a.overrides.length, 0), overridden.length));
  return lines;
}
