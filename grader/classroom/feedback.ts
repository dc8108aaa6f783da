import type { Messages } from '../i18n/index.js';
import type { SubmissionResult } from '../model/results.js';
import { formatPercent, formatScore } from '../i18n/score.js';
import { adjustmentNotes } from '../i18n/teacher-text.js';

/** Markdown-inert text: a student's message cannot add markup, links or mentions to the comment. */
const md = (s: string): string => s.replace(/[\\`*_[\]<>|~@#]/g, '\\$&').replace(/\r?\n/g, ' ');

/** Marks the grader's comment, so a later grading edits it instead of adding another. */
export const COMMENT_MARKER = '<!-- neurograde:grade -->';

/**
 * The pull-request comment of one student: the score, each exercise's score, every public check
 * that did not pass with its message, and for hidden checks only how many passed and the names
 * of the mistakes they found. Nothing of a hidden check's inputs, values, ids or timing.
 */
export function feedbackComment(result: SubmissionResult, t: Messages): string {
  const c = t.batch.classroom;
  const fmt = (x: number): string => formatScore(x, result.lang);
  const pct = result.maxScore > 0 ? ` (${formatPercent(result.score, result.maxScore, result.lang)}%)` : '';
  const lines = [COMMENT_MARKER, `## ${c.heading}`, '', `**${c.score(fmt(result.score), fmt(result.maxScore))}${pct}**`, ''];
  // The teacher's late policy and overrides, with their comments, under the score they changed.
  for (const note of adjustmentNotes(t, result)) lines.push(`> ${md(note)}`, '');
  lines.push(`| ${c.exercise} | ${c.points} | ${c.hidden} |`, '| --- | ---: | ---: |');
  for (const e of result.exercises) {
    const hidden = e.checks.filter((k) => k.visibility === 'hidden');
    const passed = hidden.filter((k) => k.status === 'passed').length;
    lines.push(`| ${md(e.title)} | ${fmt(e.score)} / ${fmt(e.maxScore)} | ${hidden.length > 0 ? `${passed} / ${hidden.length}` : '–'} |`);
  }
  const problems: string[] = [];
  for (const e of result.exercises) {
    for (const k of e.checks) {
      if (k.status !== 'passed' && k.visibility === 'public') problems.push(`- **${md(e.title)} – ${md(k.title)}**: ${md(k.message)}`);
    }
    const hiddenFailed = e.checks.filter((k) => k.visibility === 'hidden' && k.status !== 'passed').length;
    if (hiddenFailed > 0) problems.push(`- **${md(e.title)}**: ${c.hiddenFailed(hiddenFailed)}`);
    // The mistakes the checks named, public or hidden, once each: their names and hints are
    // the course's, not a check's inputs.
    const named = new Map<string, { title: string; hint: string }>();
    for (const k of e.checks) if (k.status === 'failed') for (const m of [k.mistake, ...(k.alsoMistakes ?? [])]) if (m) named.set(m.id, m);
    for (const m of named.values()) problems.push(`  - ${c.mistake}: ${md(m.title)}. ${md(m.hint)}`);
  }
  if (problems.length > 0) lines.push('', `### ${c.toFix}`, '', ...problems);
  lines.push('', c.footer);
  return lines.join('\n') + '\n';
}

/** The commit status line: 140 characters at most, as GitHub's API wants. */
export function statusDescription(result: SubmissionResult, t: Messages): string {
  return t.batch.classroom.score(formatScore(result.score, result.lang), formatScore(result.maxScore, result.lang)).slice(0, 140);
}
