import { findStudent } from '../grader/io/roster.js';
import { messages } from '../grader/i18n/index.js';
import { lateText } from '../grader/i18n/teacher-text.js';
import { visibleText } from '../grader/io/unsafe-text.js';
import type { BatchEntry, ClassReport } from '../grader/model/class-results.js';
import { csvField } from './gradebook-csv.js';
import { formatScore } from '../grader/i18n/score.js';
import type { ClassReporter, ReportContext } from './types.js';

/** One LMS row: the student as the LMS knows them, and the grade of each exercise ('' = no grade). */
interface Row {
  readonly entry: BatchEntry;
  readonly student: { username: string; email: string; studentId: string; name: string; canvasId: string; section: string };
  readonly grades: readonly string[];
}

/**
 * The rows an LMS can import: with a roster, the submissions it names (the others are left out:
 * an LMS refuses a row it cannot match; the CLI lists them); without one, every submission,
 * its name taken as the LMS login. Ungraded submissions keep their row with empty cells, which
 * both LMSs read as "no grade", never as zero; a student of the roster who did not submit gets 0.
 * Scores are after the teacher's late policy and overrides.
 */
function rows({ entries, summary }: ClassReport, ctx: ReportContext): Row[] {
  const ids = summary.exercises.map((e) => e.id);
  const out: Row[] = [];
  for (const entry of entries) {
    const s = findStudent(ctx.roster, entry.name);
    if (ctx.roster && !s) continue;
    const name = visibleText(entry.name);
    const student = {
      username: s ? (s.username ?? '') : name,
      email: s?.email ?? '',
      studentId: s?.studentId ?? '',
      name: s?.name ?? name,
      canvasId: s?.canvasId ?? '',
      section: s?.section ?? '',
    };
    const byId = entry.status === 'graded' ? new Map(entry.result.exercises.map((e) => [e.id, e.score])) : new Map<string, number>();
    // A student of the roster who handed nothing in scores 0, unlike a submission that could not be graded.
    const none = entry.status === 'not-submitted' ? formatScore(0) : '';
    out.push({ entry, student, grades: ids.map((id) => (byId.has(id) ? formatScore(byId.get(id)!) : none)) });
  }
  return out;
}

/** What the teacher's controls did to one exercise of a row: the late policy's verdict when late, the overrides' comments. */
function feedbackText(entry: BatchEntry, exercise: string, ctx: ReportContext): string {
  const result = entry.status === 'graded' ? entry.result : undefined;
  const a = result?.adjustments;
  if (!result || !a) return '';
  const t = messages(ctx.lang);
  const late = a.late && a.late.daysLate > 0 ? [lateText(t, result.lang, a.late)] : [];
  return visibleText([...late, ...a.overrides.filter((o) => o.exercise === exercise).map((o) => o.comment)].join(' '));
}

const csv = (table: readonly (readonly string[])[]): string => table.map((r) => r.map((f) => csvField(f)).join(',')).join('\r\n') + '\r\n';

/**
 * `gradebook-moodle.csv`, for Moodle's "Import grades from CSV": the three columns Moodle can
 * identify a user by (Username, Email address, ID number; choose one at import), then one column
 * per exercise named by its title, to map to a grade item. No total: Moodle computes its own, and
 * a total column would become a stray grade item.
 */
export const gradebookMoodle: ClassReporter = {
  name: 'gradebook-moodle',
  fileName: 'gradebook-moodle.csv',
  keepPrevious: true,
  render(report, ctx) {
    const titles = report.summary.exercises.map((e) => e.title);
    // With teacher controls, one feedback column per exercise, to map to "Feedback for <item>" at import.
    const ids = report.summary.exercises.map((e) => e.id);
    const feedback = ctx.teacher ? titles.map((x) => messages(ctx.lang).teacher.columns.feedback(x)) : [];
    const table = [
      ['Username', 'Email address', 'ID number', ...titles, ...feedback],
      ...rows(report, ctx).map((r) => [r.student.username, r.student.email, r.student.studentId, ...r.grades, ...(ctx.teacher ? ids.map((id) => feedbackText(r.entry, id, ctx)) : [])]),
    ];
    return csv(table);
  },
};

/**
 * `gradebook-canvas.csv`, for Canvas's Gradebook "Import": Canvas's own header row (Student, ID,
 * SIS User ID, SIS Login ID, Section, then one column per assignment, "Name (id)" when the
 * teacher gave the Canvas assignment id with `--canvas-ids`, else the name alone, which Canvas
 * offers to create), the "Points Possible" row Canvas exports, then one row per student.
 */
export const gradebookCanvas: ClassReporter = {
  name: 'gradebook-canvas',
  fileName: 'gradebook-canvas.csv',
  keepPrevious: true,
  render(report, ctx) {
    const exercises = report.summary.exercises;
    const heads = exercises.map((e) => (ctx.canvasAssignments?.[e.id] ? `${e.title} (${ctx.canvasAssignments[e.id]})` : e.title));
    const table = [
      ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', ...heads],
      ['Points Possible', '', '', '', '', ...exercises.map((e) => formatScore(e.maxScore))],
      ...rows(report, ctx).map((r) => [r.student.name, r.student.canvasId, r.student.studentId, r.student.username || r.student.email, r.student.section, ...r.grades]),
    ];
    return csv(table);
  },
};
