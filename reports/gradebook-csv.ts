import type { ClassReporter, ReportContext } from './types.js';
import { visibleText } from '../grader/io/unsafe-text.js';
import { messages } from '../grader/i18n/index.js';
import type { BatchEntry } from '../grader/model/class-results.js';
import { entryBadges } from './view/badges.js';
import { formatScore } from '../grader/i18n/score.js';

/** RFC 4180 field: quoted when it holds the separator, a quote or a line break; quotes doubled. */
export function csvField(value: string, separator = ','): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading
 * apostrophe: a folder named `=HYPERLINK(...)` must stay text when a teacher opens the file.
 */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** How a CSV is written: `,` and `.` (every importer), or `;` and `,` (French spreadsheets). */
export interface CsvStyle {
  readonly separator: ',' | ';';
  readonly number: (x: number) => string;
}

export function csvStyle(locale: 'en' | 'fr' | undefined): CsvStyle {
  return locale === 'fr' ? { separator: ';', number: (x) => formatScore(x, 'fr') } : { separator: ',', number: (x) => formatScore(x) };
}

/** A table as CSV: UTF-8 with a byte-order mark (Excel then reads accents, and French Excel opens `;` files without asking), CRLF rows. */
export function csvTable(rows: readonly (readonly string[])[], style: CsvStyle): string {
  return '\uFEFF' + rows.map((r) => r.map((f) => csvField(f, style.separator)).join(style.separator)).join('\r\n') + '\r\n';
}

/** The teacher's columns of one row: status, submission time and its source, lateness, the grader's total, the overrides' comments. */
function teacherCells(entry: BatchEntry, ctx: ReportContext, style: CsvStyle): string[] {
  const t = messages(ctx.lang).teacher;
  const status = entryBadges(entry).map((b) => t.status[b]).join(', ');
  const result = entry.status === 'graded' || entry.status === 'ungradable' ? entry.result : undefined;
  const a = result?.adjustments;
  const late = a?.late;
  return [
    status,
    late?.submittedAt ?? '',
    late ? t.source[late.source] : '',
    late ? String(late.daysLate) : '',
    late ? style.number(late.penaltyPercent) : '',
    a ? style.number(a.rawScore) : '',
    spreadsheetText(visibleText((a?.overrides ?? []).map((o) => `${o.exercise}${o.check ? `/${o.check}` : ''}: ${o.comment}`).join(' | '))),
  ];
}

/**
 * `gradebook.csv`: a `student` column (the submission's name: name folders by Moodle username,
 * email or ID number to import directly), one column per exercise, and `total`. UTF-8 with a
 * byte-order mark so Excel shows accents; CRLF rows, RFC 4180 quoting; rows sorted by name and
 * no timestamp, so the same grades always give the same bytes. A submission that could not be
 * graded, or not as handed in (empty, no expected file), keeps its row with empty cells: Moodle's
 * CSV import reads an empty cell as "no grade" rather than zero. A student of the roster who
 * handed nothing in gets zeros. With teacher controls (deadline, overrides), columns follow for
 * the status, the submission time and its source, lateness and the grader's own total.
 * `--csv-locale fr` writes `;` and decimal commas.
 */
export const gradebookCsv: ClassReporter = {
  name: 'gradebook',
  keepPrevious: true,
  fileName: 'gradebook.csv',
  render({ entries, summary }, ctx) {
    const style = csvStyle(ctx.csvLocale);
    const ids = summary.exercises.map((e) => e.id);
    const withTeacher = ctx.teacher !== undefined || entries.some((e) => e.status === 'not-submitted');
    const c = messages(ctx.lang).teacher.columns;
    const extra = withTeacher ? [c.status, c.submitted, c.source, c.daysLate, c.penalty, c.rawTotal, c.overrides] : [];
    const rows: string[][] = [['student', ...ids, 'total', ...extra]];
    for (const entry of entries) {
      // A control or bidi character in a name shows escaped: `u\u202Egnp.exe`, not `uexe.png`.
      const name = spreadsheetText(visibleText(entry.name));
      const more = withTeacher ? teacherCells(entry, ctx, style) : [];
      if (entry.status === 'not-submitted') rows.push([name, ...ids.map(() => style.number(0)), style.number(0), ...more]);
      else if (entry.status !== 'graded') rows.push([name, ...ids.map(() => ''), '', ...more]);
      else {
        const byId = new Map(entry.result.exercises.map((e) => [e.id, e.score]));
        rows.push([name, ...ids.map((id) => (byId.has(id) ? style.number(byId.get(id)!) : '')), style.number(entry.result.score), ...more]);
      }
    }
    return csvTable(rows, style);
  },
};
