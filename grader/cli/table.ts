import { submissionNotes } from '../i18n/layout-text.js';
import type { Messages } from '../i18n/types.js';
import type { ExerciseResult, SubmissionResult } from '../model/results.js';
import { formatScore } from '../i18n/score.js';

/**
 * What the notes column says of an exercise, in words: why it did not run (with the first
 * compile error's place), else the first failing check's mistake, else its title and status.
 */
function note(e: ExerciseResult, t: Messages): string {
  if (e.status !== 'graded') {
    const at = e.compileErrors?.[0];
    // The compile error's own file: an import of the exercise's file may be the one at fault.
    return `${t.batch.markdown.exerciseStatus[e.status]}${at ? ` (${at.file}:${at.line}:${at.column})` : ''}`;
  }
  const failing = e.checks.find((c) => c.status !== 'passed');
  if (!failing) return '';
  const mistake = failing.status === 'failed' ? failing.mistake : undefined;
  return mistake ? mistake.title : t.cli.checkNote(failing.title, t.batch.markdown.checkStatus[failing.status]);
}

/** The per-exercise summary printed on the terminal, scores in the language's number format. */
export function summaryTable(result: SubmissionResult, t: Messages): string {
  const fmt = (x: number): string => formatScore(x, result.lang);
  const rows: string[][] = [[...t.cli.header]];
  for (const e of result.exercises) {
    const passed = e.checks.filter((c) => c.status === 'passed').length;
    rows.push([e.id, `${fmt(e.score)}/${fmt(e.maxScore)}`, t.cli.passedOf(passed, e.checks.length), note(e, t).slice(0, 70)]);
  }
  rows.push([t.cli.total, `${fmt(result.score)}/${fmt(result.maxScore)}`, '', '']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const table = rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
  return [...table, ...submissionNotes(t, result)].join('\n');
}
