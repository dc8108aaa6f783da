import type { Exercise } from '../load/exercise.js';
import { findStudent, type Roster } from '../io/roster.js';
import { isFatal, readDates, readOverrides, type DateLine, type OverrideLine } from '../io/teacher-files.js';
import { parseWhen } from '../io/when.js';
import type { Messages } from '../i18n/index.js';
import { teacherProblemText } from '../i18n/teacher-text.js';
import type { TeacherProblem, TeacherRecord } from '../model/adjustments.js';
import { UsageError } from '../model/errors.js';
import { applyAdjustments, lateOf, rawResult, type LatePolicy, type StudentOverride, type SubmissionTime } from '../score/adjust.js';
import type { SubmissionResult } from '../model/results.js';
import type { SubmissionSource } from './discover.js';
import { submissionTime } from './submitted-at.js';

/**
 * The teacher's controls of a batch as given on the command line: text, checked here all at
 * once so that every problem is reported together.
 */
export interface TeacherInputs {
  /** `--deadline`: an ISO date (`2026-11-20`, the end of that day; `2026-11-20T23:59+01:00`). @default none: nothing is late */
  readonly deadline?: string;
  /** `--late-penalty`: percent of the score taken off per started day late (`10` or `10%`). @default 0: late is shown, not penalised */
  readonly latePenalty?: string;
  /** `--late-cutoff`: after this date the score is 0. Needs a deadline, and not before it. @default none */
  readonly lateCutoff?: string;
  /** `--dates`: a CSV of `student,submitted` times, which win over the git commit and the zip. @default none */
  readonly dates?: string;
  /** `--overrides`: a JSON or CSV file of `student, exercise, check, points, comment`. @default none */
  readonly overrides?: string;
}

/** The teacher's files read and the options parsed, before the class is known. */
export interface LoadedTeacher {
  readonly inputs: TeacherInputs;
  readonly policy?: LatePolicy;
  readonly dates: readonly DateLine[];
  readonly overrides: readonly OverrideLine[];
  /** Problems of single lines: those lines are skipped. */
  readonly problems: readonly TeacherProblem[];
}

function parsePenalty(value: string | undefined, problems: TeacherProblem[]): number {
  if (value === undefined) return 0;
  const n = Number(value.trim().replace(/%$/, '').replace(',', '.'));
  if (Number.isFinite(n) && n >= 0 && n <= 100) return n;
  problems.push({ code: 'bad-option', option: '--late-penalty', value });
  return 0;
}

function parseOptionDate(option: string, value: string | undefined, problems: TeacherProblem[]): Date | undefined {
  if (value === undefined) return undefined;
  const d = parseWhen(value);
  if (!d) problems.push({ code: 'bad-option', option, value });
  return d;
}

/**
 * Reads the teacher's files and options. Every problem of every input is collected; when one
 * makes an input unusable (a deadline that is no date, a file that cannot be read), the batch is
 * refused before anything is graded, with all of them in one message.
 */
export function loadTeacher(inputs: TeacherInputs, t: Messages): LoadedTeacher {
  const problems: TeacherProblem[] = [];
  const deadline = parseOptionDate('--deadline', inputs.deadline, problems);
  const cutoff = parseOptionDate('--late-cutoff', inputs.lateCutoff, problems);
  const penaltyPerDay = parsePenalty(inputs.latePenalty, problems);
  if (!inputs.deadline && (inputs.latePenalty !== undefined || inputs.lateCutoff !== undefined || inputs.dates !== undefined)) {
    problems.push({ code: 'no-deadline', option: inputs.latePenalty !== undefined ? '--late-penalty' : inputs.lateCutoff !== undefined ? '--late-cutoff' : '--dates' });
  }
  if (deadline && cutoff && cutoff < deadline) problems.push({ code: 'cutoff-before-deadline', cutoff: inputs.lateCutoff!, deadline: inputs.deadline! });
  const dates = inputs.dates ? readDates(inputs.dates) : { dates: [], problems: [] };
  const overrides = inputs.overrides ? readOverrides(inputs.overrides) : { overrides: [], problems: [] };
  problems.push(...dates.problems, ...overrides.problems);
  const fatal = problems.filter(isFatal);
  if (fatal.length > 0) throw new UsageError(t.teacher.refused(problems.map((p) => teacherProblemText(t, p)).join('\n  - ')));
  return {
    inputs,
    ...(deadline ? { policy: { deadline, penaltyPerDay, ...(cutoff ? { cutoff } : {}) } } : {}),
    dates: dates.dates,
    overrides: overrides.overrides,
    problems,
  };
}

/** The teacher's controls matched with the class: by submission name. */
export interface TeacherPlan {
  readonly policy?: LatePolicy;
  /** Submission name to the time the dates file gives. */
  readonly dates: ReadonlyMap<string, Date>;
  /** Submission name to its overrides. */
  readonly overrides: ReadonlyMap<string, readonly StudentOverride[]>;
  readonly record: TeacherRecord;
  /** Every problem: of the files' lines and of matching them with the class. */
  readonly problems: readonly TeacherProblem[];
}

/** Who a line of a teacher file names: a submission (by name, or the roster's login for it), or nobody of the class. */
function matchStudent(student: string, names: readonly string[], roster: Roster | undefined): { name?: string; inRoster: boolean } {
  const lower = student.toLowerCase();
  const direct = names.find((n) => n.toLowerCase() === lower);
  if (direct) return { name: direct, inRoster: true };
  const s = findStudent(roster, student) ?? roster?.students.find((x) => x.email?.toLowerCase() === lower || x.studentId === student);
  if (!s) return { inRoster: false };
  const name = names.find((n) => findStudent(roster, n) === s);
  return name ? { name, inRoster: true } : { inRoster: true };
}

/** An override's exercise and check against the exercises graded; a problem when either is unknown or the points are too many. */
function checkOverride(o: OverrideLine, file: string, exercises: readonly Exercise[]): TeacherProblem | undefined {
  const ex = exercises.find((e) => e.manifest.id === o.exercise);
  if (!ex) return { code: 'unknown-exercise', file, line: o.line, exercise: o.exercise, known: exercises.map((e) => e.manifest.id) };
  const checks = ex.manifest.checks;
  if (o.check !== undefined && !(o.check in checks)) return { code: 'unknown-check', file, line: o.line, exercise: o.exercise, check: o.check };
  const max = o.check !== undefined ? checks[o.check]!.points : Object.values(checks).reduce((s, c) => s + c.points, 0);
  return o.points > max ? { code: 'above-max', file, line: o.line, points: o.points, max } : undefined;
}

/**
 * Matches the teacher's lines with the class: a line naming nobody of the class or the roster,
 * an exercise or check that is not graded, or more points than it is worth, is left out and
 * becomes a problem with its file and line.
 */
export function planTeacher(loaded: LoadedTeacher, names: readonly string[], roster: Roster | undefined, exercises: readonly Exercise[]): TeacherPlan {
  const problems: TeacherProblem[] = [...loaded.problems];
  const { inputs } = loaded;
  const dates = new Map<string, Date>();
  for (const d of loaded.dates) {
    const m = matchStudent(d.student, names, roster);
    if (m.name) dates.set(m.name, d.at);
    else if (!m.inRoster) problems.push({ code: 'unknown-student', file: inputs.dates!, line: d.line, student: d.student });
  }
  const overrides = new Map<string, StudentOverride[]>();
  for (const o of loaded.overrides) {
    const file = inputs.overrides!;
    const m = matchStudent(o.student, names, roster);
    const problem = !m.inRoster
      ? ({ code: 'unknown-student', file, line: o.line, student: o.student } as const)
      : !m.name
        ? ({ code: 'not-submitted', file, line: o.line, student: o.student } as const)
        : checkOverride(o, file, exercises);
    if (problem) {
      problems.push(problem);
      continue;
    }
    const list = overrides.get(m.name!) ?? [];
    list.push({ exercise: o.exercise, ...(o.check !== undefined ? { check: o.check } : {}), points: o.points, comment: o.comment });
    overrides.set(m.name!, list);
  }
  const p = loaded.policy;
  const record: TeacherRecord = {
    ...(p ? { deadline: p.deadline.toISOString(), latePenaltyPercent: p.penaltyPerDay } : {}),
    ...(p?.cutoff ? { lateCutoff: p.cutoff.toISOString() } : {}),
    ...(inputs.dates ? { dates: inputs.dates } : {}),
    ...(inputs.overrides ? { overrides: inputs.overrides } : {}),
    problems,
  };
  return { ...(p ? { policy: p } : {}), dates, overrides, record, problems };
}

/** True when the teacher gave any control: the class outputs then carry the teacher's columns. */
export function hasTeacherControls(inputs: TeacherInputs | undefined): boolean {
  return inputs !== undefined && Object.values(inputs).some((v) => v !== undefined);
}

/** A submission's grade with the teacher's overrides and late policy, on its raw result (see rawResult) and its time. */
export function applyTeacher(plan: TeacherPlan, name: string, raw: SubmissionResult, time: SubmissionTime): SubmissionResult {
  const overrides = plan.overrides.get(name) ?? [];
  const late = plan.policy ? lateOf(plan.policy, time) : undefined;
  return applyAdjustments(raw, { overrides, ...(late ? { late } : {}) });
}

/**
 * A submission's grade with the teacher's adjustments applied to its raw result: its overrides,
 * and the late policy on its time (from the dates file, its git commit or its zip).
 */
export async function adjustResult(plan: TeacherPlan | undefined, source: SubmissionSource, raw: SubmissionResult): Promise<SubmissionResult> {
  if (!plan) return raw;
  const time: SubmissionTime = plan.policy ? await submissionTime(source, plan.dates.get(source.name)) : { source: 'none' };
  return applyTeacher(plan, source.name, raw, time);
}

/**
 * A graded result adjusted again with the current teacher's plan (merge): the dates file's time
 * when it names the student, else the time recorded when the submission was graded.
 */
export function readjust(plan: TeacherPlan, name: string, result: SubmissionResult): SubmissionResult {
  const recorded = result.adjustments?.late;
  const fromDates = plan.dates.get(name);
  const time: SubmissionTime = fromDates
    ? { at: fromDates, source: 'dates' }
    : recorded?.submittedAt
      ? { at: new Date(recorded.submittedAt), source: recorded.source }
      : { source: 'none' };
  return applyTeacher(plan, name, rawResult(result), time);
}
