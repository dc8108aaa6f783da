import { relative } from 'node:path';
import { observations } from '../diagnose/describe.js';
import type { Messages } from '../i18n/types.js';
import type { CheckResult, SubmissionResult } from '../model/results.js';
import { visibleText } from '../io/unsafe-text.js';

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

function checkLines(check: Exclude<CheckResult, { status: 'passed' }>, t: Messages, style: Style): string[] {
  const lines = visibleText(check.message, { multiline: true }).split('\n').map((l) => `    ${l}`);
  if (check.status === 'failed') {
    for (const m of [...(check.mistake ? [check.mistake] : []), ...(check.alsoMistakes ?? [])]) {
      lines.push(`    ${style.title(t.diagnose.mistake(m.title))}`, `    ${style.dim(t.diagnose.hint(m.hint))}`);
    }
    for (const o of observations(check, t)) lines.push(`    ${style.dim('→')} ${o}`);
  }
  return lines;
}

/**
 * Every check that did not pass, the way vitest prints a failed assertion: a FAIL heading with
 * the exercise and check, the message, the mistake's title and hint, what the grader observed,
 * and the file and line to look at.
 */
export function failureReport(result: SubmissionResult, options: { readonly t: Messages; readonly style: Style; readonly locations: Locations; readonly cwd?: string }): string[] {
  const { t, style } = options;
  const out: string[] = [];
  for (const ex of result.exercises) {
    if (ex.status !== 'graded') {
      // No check could run: the exercise's own message says why, once.
      out.push('', `${style.fail(` ${t.diagnose.failHeading} `)} ${ex.id}  ${style.dim(ex.title)}`, ...visibleText(ex.message ?? ex.status, { multiline: true }).split('\n').map((l) => `    ${l}`));
      continue;
    }
    for (const check of ex.checks) {
      if (check.status === 'passed') continue;
      out.push('', `${style.fail(` ${t.diagnose.failHeading} `)} ${ex.id} > ${check.id}  ${style.dim(check.title)}`, ...checkLines(check, t, style));
      const at = options.locations.get(locationKey(ex.id, check.id));
      if (at) out.push(`    ${style.where(`❯ ${relative(options.cwd ?? process.cwd(), at.file) || at.file}:${at.line}`)}`);
    }
  }
  return out;
}
