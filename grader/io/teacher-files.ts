import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { OverrideEntrySchema, type TeacherProblem } from '../model/adjustments.js';
import { validator } from '../schema/validate.js';
import { parseCsv } from './roster.js';
import { dayFirstOf, parseWhen } from './when.js';

/**
 * The teacher's files for a batch: `--dates` (when each student handed in) and `--overrides`
 * (points given by hand). Each is read whole and every problem is collected with its line, never
 * thrown one at a time: a file-level problem (cannot be read, not JSON, a column missing) makes
 * the file unusable; a line-level one skips that line only.
 */

/** A teacher file's text, or the problem of reading it. */
function readText(path: string): { text: string } | { problem: TeacherProblem } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (e) {
    return { problem: { code: 'unreadable', file: path, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message } };
  }
}

const norm = (h: string): string => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Header spellings of the teacher files' columns. */
const COLUMNS = {
  student: ['student', 'submission', 'name', 'username', 'login', 'github'],
  submitted: ['submitted', 'submitted_at', 'date', 'time', 'timestamp', 'last_modified', 'last_modified_(submission)'],
  exercise: ['exercise', 'item'],
  check: ['check'],
  points: ['points', 'score', 'grade'],
  comment: ['comment', 'comments', 'feedback', 'reason'],
} as const;
type Column = keyof typeof COLUMNS;

/** A CSV's rows as records by column, with their line numbers; missing required columns are problems. */
function csvRecords(file: string, text: string, required: readonly Column[], optional: readonly Column[]) {
  const [header, ...rows] = parseCsv(text);
  const names = (header ?? []).map(norm);
  const at = new Map<Column, number>();
  for (const c of [...required, ...optional]) {
    const i = names.findIndex((n) => (COLUMNS[c] as readonly string[]).includes(n));
    if (i >= 0) at.set(c, i);
  }
  const problems: TeacherProblem[] = required.filter((c) => !at.has(c)).map((c) => ({ code: 'missing-column', file, column: c, found: header ?? [] }));
  const records = rows.map((r, i) => ({ line: i + 2, get: (c: Column) => (at.has(c) ? (r[at.get(c)!] ?? '').trim() : '') }));
  return { records: problems.length > 0 ? [] : records, problems };
}

/** One line of `--dates`: a student and when they handed in. */
export interface DateLine {
  readonly line: number;
  readonly student: string;
  readonly at: Date;
}

/**
 * `--dates <csv>`: a header with `student` and `submitted` columns (Moodle's grading worksheet
 * has both), one date a row in any form `parseWhen` reads; numeric dates are read day first
 * unless the column can only be month first (see `dayFirstOf`).
 */
export function readDates(path: string): { dates: DateLine[]; problems: TeacherProblem[] } {
  const read = readText(path);
  if ('problem' in read) return { dates: [], problems: [read.problem] };
  const { records, problems } = csvRecords(path, read.text, ['student', 'submitted'], []);
  const dates: DateLine[] = [];
  const seen = new Map<string, number>();
  const dayFirst = dayFirstOf(records.map((r) => r.get('submitted')));
  for (const r of records) {
    const student = r.get('student');
    if (!student) {
      problems.push({ code: 'empty-cell', file: path, line: r.line, column: 'student' });
      continue;
    }
    const at = parseWhen(r.get('submitted'), { dayFirst });
    if (!at) {
      problems.push({ code: 'bad-date', file: path, line: r.line, value: r.get('submitted') });
      continue;
    }
    const other = seen.get(student.toLowerCase());
    if (other !== undefined) {
      problems.push({ code: 'duplicate', file: path, line: r.line, other });
      continue;
    }
    seen.set(student.toLowerCase(), r.line);
    dates.push({ line: r.line, student, at });
  }
  return { dates, problems };
}

/** One override as written, with its line (CSV) or entry number (JSON). */
export interface OverrideLine {
  readonly line: number;
  readonly student: string;
  readonly exercise: string;
  readonly check?: string;
  readonly points: number;
  readonly comment: string;
}

const validateEntry = validator(OverrideEntrySchema);

function jsonOverrides(path: string, text: string): { overrides: OverrideLine[]; problems: TeacherProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { overrides: [], problems: [{ code: 'bad-json', file: path, detail: (e as Error).message }] };
  }
  if (!Array.isArray(data)) return { overrides: [], problems: [{ code: 'bad-shape', file: path, detail: 'an array of { student, exercise, check?, points, comment }' }] };
  const overrides: OverrideLine[] = [];
  const problems: TeacherProblem[] = [];
  data.forEach((item, i) => {
    const v = validateEntry(item);
    if (!v.ok) return void problems.push({ code: 'bad-shape', file: path, detail: `entry ${i + 1}: ${v.errors.join('; ')}` });
    overrides.push({ line: i + 1, student: v.value.student, exercise: v.value.exercise, ...(v.value.check ? { check: v.value.check } : {}), points: v.value.points, comment: v.value.comment ?? '' });
  });
  return { overrides, problems };
}

function csvOverrides(path: string, text: string): { overrides: OverrideLine[]; problems: TeacherProblem[] } {
  const { records, problems } = csvRecords(path, text, ['student', 'exercise', 'points'], ['check', 'comment']);
  const overrides: OverrideLine[] = [];
  for (const r of records) {
    const empty = (['student', 'exercise', 'points'] as const).find((c) => !r.get(c));
    if (empty) {
      problems.push({ code: 'empty-cell', file: path, line: r.line, column: empty });
      continue;
    }
    // A French spreadsheet writes 2,5: both decimal marks are read.
    const points = Number(r.get('points').replace(',', '.'));
    if (!Number.isFinite(points) || points < 0) {
      problems.push({ code: 'bad-points', file: path, line: r.line, value: r.get('points') });
      continue;
    }
    const check = r.get('check');
    overrides.push({ line: r.line, student: r.get('student'), exercise: r.get('exercise'), ...(check ? { check } : {}), points, comment: r.get('comment') });
  }
  return { overrides, problems };
}

/** `--overrides <file>`: JSON (an array of { student, exercise, check?, points, comment }) or CSV with those columns. */
export function readOverrides(path: string): { overrides: OverrideLine[]; problems: TeacherProblem[] } {
  const read = readText(path);
  if ('problem' in read) return { overrides: [], problems: [read.problem] };
  const json = extname(path).toLowerCase() === '.json' || read.text.trimStart().startsWith('[');
  return json ? jsonOverrides(path, read.text) : csvOverrides(path, read.text);
}

/** Whether a problem leaves its file or option unusable (the batch is then refused), rather than one line skipped. */
export function isFatal(p: TeacherProblem): boolean {
  return ['unreadable', 'bad-json', 'missing-column', 'bad-option', 'cutoff-before-deadline', 'no-deadline'].includes(p.code) || (p.code === 'bad-shape' && !p.detail.startsWith('entry '));
}
