import { observations } from '../grader/diagnose/describe.js';
import { messages } from '../grader/i18n/index.js';
import { formatPercent, formatScore } from '../grader/i18n/score.js';
import { submissionNotes } from '../grader/i18n/layout-text.js';
import type { CheckResult } from '../grader/model/results.js';
import type { SubmissionReporter } from './types.js';
import { visibleText } from '../grader/io/unsafe-text.js';

/**
 * Text safe inside GitHub-flavoured Markdown: punctuation that would start emphasis, a link, a
 * table cell or a heading is backslash-escaped, and `<`, `>`, `&` become entities, so a student's
 * error message can neither inject markup into a job summary nor break the table.
 */
export function mdText(value: string): string {
  return visibleText(value, { multiline: true })
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ');
const cap = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** GitHub caps a job summary at 1 MiB; a few dozen failures are all anyone reads. */
const MAX_FAILURES = 40;

/**
 * `summary.md`: the score, a table of the exercises and the checks to fix, each with its
 * message, diagnosis and hint. What `neurograde ci` appends to `$GITHUB_STEP_SUMMARY`.
 */
export const markdown: SubmissionReporter = {
  name: 'markdown',
  fileName: 'summary.md',
  render(result, ctx) {
    const t = messages(ctx.lang).batch.markdown;
    const fmt = (x: number): string => formatScore(x, ctx.lang);
    const percent = formatPercent(result.score, result.maxScore, ctx.lang);
    const lines = [`## ${mdText(t.title(result.submission))}`, '', t.score(fmt(result.score), fmt(result.maxScore), percent), ''];
    for (const note of submissionNotes(messages(ctx.lang), result)) lines.push(`> ${mdText(note)}`, '');
    if (result.mode === 'check') lines.push(`> ${mdText(t.checkMode)}`, '');
    const c = t.columns;
    lines.push(`| ${c.exercise} | ${c.score} | ${c.checks} | ${c.status} |`, '| --- | ---: | ---: | --- |');
    for (const ex of result.exercises) {
      const passed = ex.checks.filter((k) => k.status === 'passed').length;
      lines.push(
        `| ${mdText(ex.title)} (\`${ex.file}\`) | ${fmt(ex.score)} / ${fmt(ex.maxScore)} | ${t.passedOf(passed, ex.checks.length)} | ${t.exerciseStatus[ex.status]} |`,
      );
    }
    lines.push('', `### ${t.failures}`, '');
    // An exercise that could not run is one entry with its message: every one of its checks says the same.
    for (const ex of result.exercises.filter((e) => e.status !== 'graded')) {
      lines.push(`- **${mdText(ex.id)}** (${t.exerciseStatus[ex.status]}): ${mdText(cap(oneLine(ex.message ?? ''), 600))}`);
    }
    const failing = result.exercises
      .filter((ex) => ex.status === 'graded')
      .flatMap((ex) => ex.checks.filter((k): k is Exclude<CheckResult, { status: 'passed' }> => k.status !== 'passed').map((k) => ({ ex, k })));
    if (failing.length === 0 && result.exercises.every((e) => e.status === 'graded')) lines.push(t.allPassed);
    for (const { ex, k } of failing.slice(0, MAX_FAILURES)) {
      const parts = [`- **${mdText(ex.id)} / ${mdText(k.id)}** (${t.checkStatus[k.status]}): ${mdText(cap(oneLine(k.message), 600))}`];
      if (k.status === 'failed') {
        for (const m of [...(k.mistake ? [k.mistake] : []), ...(k.alsoMistakes ?? [])]) {
          parts.push(`  ${mdText(t.diagnosis(m.title, cap(oneLine(m.explanation), 600)))}`);
          parts.push(`  ${mdText(t.hint(cap(oneLine(m.hint), 300)))}`);
        }
        for (const line of observations(k, messages(ctx.lang))) parts.push(`  ${mdText(cap(line, 400))}`);
      }
      lines.push(parts.join('<br>\n'));
    }
    if (failing.length > MAX_FAILURES) lines.push(`- … (${failing.length - MAX_FAILURES})`);
    return lines.join('\n') + '\n';
  },
};
