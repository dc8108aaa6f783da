import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { csvStyle, csvTable, spreadsheetText } from '../../reports/gradebook-csv.js';
import { findStudent, type Roster } from '../io/roster.js';
import { visibleText } from '../io/unsafe-text.js';
import { writeFileAtomic } from '../io/write.js';
import { messages } from '../i18n/index.js';
import type { ClassResult } from '../model/class-results.js';
import { UsageError } from '../model/errors.js';
import { readClassResults } from './regrade.js';

export interface FeedbackOptions {
  /** A batch's (or merge's) output folder. */
  readonly graded: string;
  /** Where the bundle goes: one report per student and `feedback.csv`. */
  readonly out: string;
  /** Who each submission is: display names for the files, emails for the mail merge. @default none: submission names */
  readonly roster?: Roster;
  /** 'fr': feedback.csv with `;` and decimal commas. @default 'en' */
  readonly csvLocale?: 'en' | 'fr';
}

export interface FeedbackSummary {
  /** Reports copied, one per student with a report. */
  readonly reports: number;
  readonly csv: string;
}

/** A file name from a student's name: characters no file system takes, and a leading dot, become `_`. */
export function fileNameOf(name: string): string {
  const safe = visibleText(name).replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/^\.+/, '_').trim().slice(0, 120);
  return safe === '' ? '_' : safe;
}

type Row = ClassResult['submissions'][number];

/** Each row's report file name in the bundle: the student's name, and the submission's when two names meet. */
function fileNames(rows: readonly Row[], roster: Roster | undefined): Map<string, string> {
  const base = new Map(rows.map((r) => [r.name, fileNameOf(findStudent(roster, r.name)?.name ?? r.name)]));
  const seen = new Map<string, number>();
  for (const b of base.values()) seen.set(b.toLowerCase(), (seen.get(b.toLowerCase()) ?? 0) + 1);
  return new Map([...base].map(([name, b]) => [name, `${seen.get(b.toLowerCase())! > 1 ? `${b} (${fileNameOf(name)})` : b}.html`]));
}

/**
 * The per-student feedback bundle of a graded class: each student's report.html copied as
 * `<student name>.html` (the roster's name, else the submission's), and `feedback.csv` for a mail
 * merge: submission, name, email (from the roster), score, maximum, status and the file to attach.
 * A student without a report (not submitted, not graded) keeps a row without a file.
 */
export function writeFeedbackBundle(o: FeedbackOptions): FeedbackSummary {
  const graded = resolve(o.graded);
  const klass = readClassResults(graded);
  const t = messages(klass?.lang ?? 'en').teacher;
  if (!klass) throw new UsageError(t.feedback.noClass(o.graded));
  const out = resolve(o.out);
  mkdirSync(out, { recursive: true });
  const style = csvStyle(o.csvLocale);
  const c = t.feedback.columns;
  const table: string[][] = [[c.student, c.name, c.email, c.score, c.max, c.status, c.file]];
  const names = fileNames(klass.submissions, o.roster);
  let reports = 0;
  for (const row of klass.submissions) {
    const s = findStudent(o.roster, row.name);
    const report = join(graded, row.name, 'report.html');
    const file = row.status !== 'not-submitted' && row.status !== 'error' && existsSync(report) ? names.get(row.name)! : '';
    if (file) {
      copyFileSync(report, join(out, file));
      reports += 1;
    }
    const score = row.status === 'graded' ? style.number(row.score) : row.status === 'not-submitted' ? style.number(0) : '';
    const status = row.status === 'graded' ? (row.late && row.late.daysLate > 0 ? t.status.late : '') : row.status === 'error' ? t.status['not-graded'] : t.status[row.status];
    table.push([row.name, s?.name ?? row.name, s?.email ?? '', score, style.number(klass.maxScore), status, file].map((x) => spreadsheetText(visibleText(x))));
  }
  const csv = join(out, 'feedback.csv');
  writeFileAtomic(csv, csvTable(table, style));
  return { reports, csv };
}
