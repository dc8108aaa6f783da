import type { ClassReport } from '../grader/model/class-results.js';
import type { Exercise } from '../grader/load/exercise.js';
import type { Lang } from '../grader/model/localized.js';
import type { Roster } from '../grader/io/roster.js';
import type { SubmissionResult } from '../grader/model/results.js';
import type { TeacherRecord } from '../grader/model/adjustments.js';

/** What every reporter may read besides the results. */
export interface ReportContext {
  readonly lang: Lang;
  /** The exercises graded, for statements, titles and mistake texts. */
  readonly exercises: readonly Exercise[];
  /** Who each submission is in the LMS (`--roster`). @default none: submission names are the logins */
  readonly roster?: Roster;
  /** Canvas assignment ids by exercise id (`--canvas-ids`), for gradebook-canvas.csv's "Name (id)" headers. @default none */
  readonly canvasAssignments?: Readonly<Record<string, string>>;
  /** The teacher's controls the class was graded with (`--deadline`, `--overrides`...): the class exports add their columns. @default none */
  readonly teacher?: TeacherRecord;
  /** 'fr': gradebook.csv with `;`, decimal commas and a BOM, as French spreadsheets open it. @default 'en' */
  readonly csvLocale?: 'en' | 'fr';
}

/** Renders one submission's result into one file (report.html, a Gradescope results.json...). */
export interface SubmissionReporter {
  readonly name: string;
  /** The file name it writes, next to results.json. */
  readonly fileName: string;
  render(result: SubmissionResult, ctx: ReportContext): string | Uint8Array;
}

/**
 * Renders a whole class into one file (gradebook.csv, junit.xml, index.html...). It gets every
 * entry, error rows included (a submission the grader could not grade still has a row), and the
 * class model computed once from them.
 */
export interface ClassReporter {
  readonly name: string;
  readonly fileName: string;
  /** Keep the file's previous content as `<name>.previous.<ext>` whenever it changes (grade sheets a teacher may need to undo). @default false */
  readonly keepPrevious?: boolean;
  render(report: ClassReport, ctx: ReportContext): string | Uint8Array;
}
