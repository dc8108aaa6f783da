import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { observations } from '../diagnose/describe.js';
import type { Messages } from '../i18n/types.js';
import type { CheckResult, ExerciseResult, SubmissionResult } from '../model/results.js';
import { visibleText } from '../io/unsafe-text.js';
import { anchorOf as reportAnchor } from '../../reports/view/exercise.js';

/** ANSI styles, or nothing at all when the output is not a terminal. */
export interface Style {
  readonly fail: (s: string) => string;
  readonly title: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly where: (s: string) => string;
}

const ansi = (open: string) => (s: string) => `\u001b[${open}m${s}\u001b[0m`;
const PLAIN: Style = { fail: (s) => s, title: (s) => s, dim: (s) => s, where: (s) => s };
const COLOUR: Style = { fail: ansi('1;97;41'), title: ansi('1;33'), dim: ansi('2'), where: ansi('36') };

/**
 * Colour on a terminal unless NO_COLOR is set; FORCE_COLOR turns it on anywhere (as vitest and
 * most command-line tools do).
 */
export function styleFor(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return COLOUR;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return PLAIN;
  return stream.isTTY ? COLOUR : PLAIN;
}

/** Where a check's fault is, as `file:line`, keyed by exercise and check id. */
export type Locations = ReadonlyMap<string, { readonly file: string; readonly line: number }>;
export const locationKey = (exercise: string, check: string): string => `${exercise}\u0000${check}`;

export interface FailureReportOptions {
  readonly t: Messages;
  readonly style: Style;
  readonly locations: Locations;
  /** Paths are shown relative to this folder. @default process.cwd() */
  readonly cwd?: string;
  /** The absolute path of report.html: each failure ends with a link to its place there. @default no link */
  readonly report?: string;
}

const indent = (lines: readonly string[]): string[] => lines.map((l) => `    ${l}`);
const oneLine = (text: string): string => visibleText(text, { multiline: true }).split('\n')[0]!;

/**
 * The one sentence that says what is wrong with a check: the named mistake's title, else what
 * the grader observed of the answer, else the message itself (an error's or a time-out's cause).
 */
function sentence(check: Unpassed, t: Messages, style: Style): string[] {
  if (check.status === 'failed') {
    const named = [...(check.mistake ? [check.mistake] : []), ...(check.alsoMistakes ?? [])];
    if (named.length > 0) return named.flatMap((m) => [style.title(t.diagnose.mistake(m.title)), style.dim(t.diagnose.hint(m.hint))]);
    const seen = observations(check, t)[0];
    if (seen !== undefined) return [style.title(oneLine(seen)), style.dim(oneLine(check.message))];
  }
  return [style.title(oneLine(check.message))];
}

type Unpassed = Exclude<CheckResult, { status: 'passed' }>;

/** The checks that did not pass, those naming the same mistakes together (one bug, one entry), in the exercise's order. */
function byMistake(checks: readonly CheckResult[]): Unpassed[][] {
  const groups = new Map<string, Unpassed[]>();
  for (const c of checks) {
    if (c.status === 'passed') continue;
    const named = c.status === 'failed' && c.mistake ? [c.mistake, ...(c.alsoMistakes ?? [])].map((m) => m.id).join('+') : `\u0000${c.id}`;
    groups.set(named, [...(groups.get(named) ?? []), c]);
  }
  return [...groups.values()];
}

/** A file that does not compile, once: each error's place, the compiler's words, and the source line with a caret. */
function compileLines(ex: ExerciseResult, o: FailureReportOptions, dir: string | undefined): string[] {
  const out: string[] = [];
  for (const e of ex.compileErrors ?? []) {
    out.push(o.style.title(oneLine(o.t.grading.compileError(`${e.file}:${e.line}:${e.column}`, e.text))));
    if (e.lineText !== undefined) {
      const gutter = `${e.line} | `;
      out.push(o.style.dim(`${gutter}${visibleText(e.lineText)}`), `${' '.repeat(gutter.length + Math.max(0, e.column - 1))}${o.style.fail('^')}`);
    }
    if (dir !== undefined) out.push(o.style.where(`❯ ${relative(o.cwd ?? process.cwd(), `${dir}/${e.file}`) || e.file}:${e.line}:${e.column}`));
  }
  return out.length > 0 ? out : visibleText(ex.message ?? ex.status, { multiline: true }).split('\n').map((l) => o.style.title(l));
}

const reportLink = (o: FailureReportOptions, anchor: string): string[] =>
  o.report ? [o.style.dim(o.t.diagnose.readMore(`${pathToFileURL(o.report).href}#${anchor}`))] : [];

/**
 * Every check that did not pass, vitest-style: a FAIL heading with the exercise and check, one
 * sentence in the student's language (the mistake, else the cause), the file and line to look
 * at, and the link to the place in report.html that says more. An exercise that could not run
 * (missing, does not compile) is one entry, its compile errors with their source lines.
 */
export function failureReport(result: SubmissionResult, options: FailureReportOptions & { readonly submissionDir?: string }): string[] {
  const { t, style } = options;
  const out: string[] = [];
  for (const ex of result.exercises) {
    if (ex.status !== 'graded') {
      out.push('', `${style.fail(` ${t.diagnose.failHeading} `)} ${ex.id}  ${style.dim(ex.title)}`, ...indent([...compileLines(ex, options, options.submissionDir), ...reportLink(options, reportAnchor('ex', ex.id))]));
      continue;
    }
    for (const group of byMistake(ex.checks)) {
      const check = group[0]!;
      const at = options.locations.get(locationKey(ex.id, check.id));
      const where = at ? [style.where(`❯ ${relative(options.cwd ?? process.cwd(), at.file) || at.file}:${at.line}`)] : [];
      const heading = group.length === 1 ? `${ex.id} > ${check.id}  ${style.dim(check.title)}` : `${ex.id} > ${group.map((c) => c.id).join(', ')}`;
      out.push('', `${style.fail(` ${t.diagnose.failHeading} `)} ${heading}`, ...indent([...sentence(check, t, style), ...where, ...reportLink(options, reportAnchor('ex', ex.id, check.id))]));
    }
  }
  return out;
}
