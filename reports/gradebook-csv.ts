import type { ClassReporter } from './types.js';
import { visibleText } from '../grader/io/unsafe-text.js';
import { formatScore } from '../grader/i18n/score.js';

/** RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading
 * apostrophe: a folder named `=HYPERLINK(...)` must stay text when a teacher opens the file.
 */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * `gradebook.csv`: a `student` column (the submission's name: name folders by Moodle username,
 * email or ID number to import directly), one column per exercise, and `total`. UTF-8 with a
 * byte-order mark so Excel shows accents; CRLF rows, RFC 4180 quoting; rows sorted by name and
 * no timestamp, so the same grades always give the same bytes. A submission that could not be
 * graded, or not as handed in (empty, no expected file), keeps its row with empty cells: Moodle's
 * CSV import reads an empty cell as "no grade" rather than zero.
 */
export const gradebookCsv: ClassReporter = {
  name: 'gradebook',
  keepPrevious: true,
  fileName: 'gradebook.csv',
  render({ entries, summary }) {
    const ids = summary.exercises.map((e) => e.id);
    const rows: string[][] = [['student', ...ids, 'total']];
    for (const entry of entries) {
      // A control or bidi character in a name shows escaped: `u\u202Egnp.exe`, not `uexe.png`.
      const name = spreadsheetText(visibleText(entry.name));
      if (entry.status !== 'graded') {
        rows.push([name, ...ids.map(() => ''), '']);
        continue;
      }
      const byId = new Map(entry.result.exercises.map((e) => [e.id, e.score]));
      rows.push([name, ...ids.map((id) => (byId.has(id) ? formatScore(byId.get(id)!) : '')), formatScore(entry.result.score)]);
    }
    return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  },
};
