import type { Messages } from '../i18n/types.js';
import type { BundleOutcome, CompileError } from '../load/bundle.js';
import { firstFrame, type SourceLocation } from '../load/locate.js';
import { cleanStrings } from './clean-text.js';
import type { Exercise } from '../load/exercise.js';
import type { Lang, Localized } from '../model/localized.js';
import type { CheckResult, CompileErrorData, ExerciseResult, Visibility } from '../model/results.js';

/** What the result builders need to know of a planned check (see CheckJob). */
export interface PlannedCheck {
  readonly check: { readonly id: string; readonly title: Localized };
  readonly visibility: Visibility;
  readonly points: number;
}

/** The id, title and file of an exercise's result. */
export function exerciseHeader(exercise: Exercise, lang: Lang): Pick<ExerciseResult, 'id' | 'title' | 'file'> {
  const { manifest } = exercise;
  return { id: manifest.id, title: manifest.title[lang], file: manifest.file };
}

/** A check result with no score that took no time, in results.json's key order. */
function unscored<S extends object>(job: PlannedCheck, lang: Lang, status: S) {
  return { id: job.check.id, title: job.check.title[lang], ...status, score: 0, maxScore: job.points, visibility: job.visibility, durationMs: 0 };
}

/** Why a check or an exercise could not run at all. */
export interface Unrun {
  readonly message: string;
  readonly stack?: string;
  /** What a hidden check says instead: the grader's own words only (see hiddenFailureMessage). @default message */
  readonly hiddenMessage?: string;
  /** Set when the grader's own time ran out, not the student's. */
  readonly code?: 'grader-time';
}

/** Where an error points in the student's files: its first frame, else a `file:line` in its message. */
function located(message: string, stack: string | undefined): { location?: SourceLocation } {
  const at = firstFrame(stack) ?? firstFrame(message);
  return at ? { location: at } : {};
}

/**
 * A check that could not run: an error with the message. A hidden check gets only the grader's
 * words, no stack, and so no line a throw could choose either.
 */
export function errorCheck(job: PlannedCheck, lang: Lang, why: Unrun): CheckResult {
  const hidden = job.visibility === 'hidden';
  const said = hidden ? { message: why.hiddenMessage ?? why.message } : { message: why.message, ...(why.stack ? { stack: why.stack } : {}) };
  return { ...located(why.message, hidden ? undefined : why.stack), ...unscored(job, lang, { status: 'error' as const }), ...said, ...(why.code ? { code: why.code } : {}) };
}

export interface Unloadable extends Unrun {
  readonly exercise: Exercise;
  readonly jobs: readonly PlannedCheck[];
  readonly lang: Lang;
  readonly status: Exclude<ExerciseResult['status'], 'graded'>;
  readonly durationMs: number;
  /** For a file that does not compile: each error as data. @default none */
  readonly compileErrors?: readonly CompileErrorData[];
}

/** An exercise whose file is missing, does not compile or does not load: every check is an error with the same message. */
export function unloadableExercise(u: Unloadable): ExerciseResult {
  return cleanStrings({
    ...exerciseHeader(u.exercise, u.lang),
    status: u.status,
    message: u.message,
    ...(u.compileErrors && u.compileErrors.length > 0 ? { compileErrors: [...u.compileErrors] } : {}),
    score: 0,
    maxScore: u.jobs.reduce((s, j) => s + j.points, 0),
    durationMs: u.durationMs,
    checks: u.jobs.map((j) => errorCheck(j, u.lang, u)),
  });
}

/** A compile error with a place, as data; a refused file or one without a place has none. */
function compileData(e: CompileError): CompileErrorData[] {
  const m = /^(.+):(\d+):(\d+)$/.exec(e.location);
  if (!m || e.refusal) return [];
  return [{ file: m[1]!, line: Number(m[2]), column: Number(m[3]), text: e.text, ...(e.lineText !== undefined ? { lineText: e.lineText } : {}) }];
}

/** One compile error as the student reads it: a file refused before parsing says why, in the grader's words. */
function compileMessage(t: Messages, e: CompileError): string {
  if (e.refusal?.kind === 'too-large') return t.grading.sourceTooLarge(e.location.replace(/:\d+:\d+$/, ''), e.refusal.bytes, e.refusal.limit);
  if (e.refusal?.kind === 'too-deep') return t.grading.sourceTooDeep(e.location, e.refusal.limit);
  if (e.refusal?.kind === 'too-much') return t.grading.sourceTooMuch(e.location.replace(/:\d+:\d+$/, ''), e.refusal.limit);
  if (e.refusal?.kind === 'not-a-file') return t.grading.sourceNotAFile(e.location.replace(/:\d+:\d+$/, ''));
  return t.grading.compileError(e.location, e.text);
}

export interface BundleFailureContext {
  readonly file: string;
  readonly t: Messages;
  /** Where the student's file was found below the top of the submission, when it is not at the top. */
  readonly elsewhere?: string;
}

/** Why a student's file did not bundle, as the exercise's status and message. */
export function bundleFailure(
  bundle: Extract<BundleOutcome, { ok: false }>,
  c: BundleFailureContext,
): { status: 'missing' | 'compile-error'; message: string; compileErrors?: CompileErrorData[] } {
  const { file, t } = c;
  switch (bundle.kind) {
    case 'missing':
      return { status: 'missing', message: c.elsewhere ? t.grading.nestedFile(file, c.elsewhere) : t.grading.missingFile(file) };
    case 'outside':
      return { status: 'missing', message: t.grading.outsideFile(file, bundle.target) };
    case 'bundler':
      return { status: 'compile-error', message: bundle.reason === 'timeout' ? t.grading.bundlerTimeout(file, bundle.limitMs) : t.grading.bundlerCrashed(file) };
    case 'compile-error':
      return { status: 'compile-error', message: bundle.errors.map((e) => compileMessage(t, e)).join('\n'), compileErrors: bundle.errors.slice(0, 20).flatMap(compileData) };
  }
}

export interface SkipContext {
  /** The exercise's strikes so far, oldest first. */
  readonly strikes: readonly ('timeout' | 'memory')[];
  /** The time limit, reported on a check skipped after time-outs. */
  readonly timeMs: number;
  readonly lang: Lang;
  readonly t: Messages;
}

/** A check not run because the exercise already ran out of time or memory `strikes.length` times. */
export function skippedCheck(job: PlannedCheck, s: SkipContext): CheckResult {
  const last = s.strikes[s.strikes.length - 1]!;
  return {
    ...unscored(job, s.lang, { status: 'skipped' as const }),
    message: s.t.grading.skipped(s.strikes.length, s.t.grading.limitNames[last]),
    after: { strikes: s.strikes.length, limit: last },
  };
}

export interface Graded {
  readonly exercise: Exercise;
  readonly lang: Lang;
  readonly checks: readonly CheckResult[];
  readonly maxScore: number;
  readonly durationMs: number;
  /** What the student's code printed, where the student may see it. */
  readonly logs: string;
}

/** An exercise whose every planned check has a result. */
export function gradedExercise(g: Graded): ExerciseResult {
  return cleanStrings({
    ...exerciseHeader(g.exercise, g.lang),
    status: 'graded',
    score: g.checks.reduce((s, r) => s + r.score, 0),
    maxScore: g.maxScore,
    durationMs: g.durationMs,
    ...(g.logs ? { logs: g.logs } : {}),
    checks: [...g.checks],
  });
}
