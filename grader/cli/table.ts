import { submissionNotes } from '../i18n/layout-text.js';
import type { Messages } from '../i18n/types.js';
import type { SubmissionResult } from '../model/results.js';
import { formatScore } from '../i18n/score.js';

/** The per-exercise summary printed on the terminal. */
export function summaryTable(result: SubmissionResult, t: Messages): string {
  const fmt = (x: number): string => formatScore(x, result.lang);
  const rows: string[][] = [[...t.cli.header]];
  for (const e of result.exercises) {
    const passed = e.checks.filter((c) => c.status === 'passed').length;
    const failing = e.checks.find((c) => c.status !== 'passed');
    const note = e.status !== 'graded' ? e.message ?? e.status : failing ? `${failing.id}: ${'diagnosis' in failing && failing.diagnosis ? failing.diagnosis : failing.status}` : '';
    rows.push([e.id, `${fmt(e.score)}/${fmt(e.maxScore)}`, t.cli.passedOf(passed, e.checks.length), note.split('\n')[0]!.slice(0, 70)]);
  }
  rows.push([t.cli.total, `${fmt(result.score)}/${fmt(result.maxScore)}`, '', '']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const table = rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
  return [...table, ...submissionNotes(t, result)].join('\n');
}
