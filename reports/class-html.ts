import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../grader/io/package.js';
import { messages } from '../grader/i18n/index.js';
import { formatPercent, formatScore, percentOf } from '../grader/i18n/score.js';
import type { Lang } from '../grader/model/localized.js';
import type { ClassReport } from '../grader/model/class-results.js';
import { shardProblemText } from './shard-problems.js';
import { problemText } from '../grader/i18n/layout-text.js';
import type { ClassReporter, ReportContext } from './types.js';
import { visibleStrings } from '../grader/io/unsafe-text.js';
import { similaritySection } from './view/similarity-section.js';
import { percentText } from './view/format.js';
import { entryBadges } from './view/badges.js';
import type { BatchEntry } from '../grader/model/class-results.js';
import { pointsText, teacherProblemText, whenText } from '../grader/i18n/teacher-text.js';
import { createHash } from 'node:crypto';

/** A bar's width in percent, for CSS (a dot whatever the language). */
const width = (n: number, d: number): number => Math.round(percentOf(n, d) * 10) / 10;
/** A relative link to a submission's file: the name is a path segment, so it is percent-encoded. */
const link = (name: string, file: string): string => `${encodeURIComponent(name)}/${file}`;

export interface HistogramBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly count: number;
  readonly label: string;
  readonly tick: string;
}

/**
 * Counts total scores in `bins` equal ranges of [0, max] (the top one closed) and lays them out
 * as bars of an SVG `width` x `height` plot area. Geometry only: the markup is in the template.
 */
export function histogram(scores: readonly number[], max: number, options: { bins?: number; width?: number; height?: number; lang?: Lang } = {}): HistogramBar[] {
  const fmt = (x: number): string => formatScore(x, options.lang);
  const bins = options.bins ?? 10;
  const width = options.width ?? 560;
  const height = options.height ?? 160;
  const counts = new Array<number>(bins).fill(0);
  for (const s of scores) {
    const i = max > 0 ? Math.min(bins - 1, Math.max(0, Math.floor((s / max) * bins))) : 0;
    counts[i] += 1;
  }
  const top = Math.max(1, ...counts);
  const step = width / bins;
  return counts.map((count, i) => {
    const h = Math.round((count / top) * height);
    return {
      x: Math.round(i * step + 2),
      y: height - h,
      width: Math.max(1, Math.round(step - 4)),
      height: h,
      count,
      label: `${fmt((i * max) / bins)}–${fmt(((i + 1) * max) / bins)}`,
      tick: fmt((i * max) / bins),
    };
  });
}

/** One cell of the students' table: what it shows, and the key it sorts by. */
interface SortCell {
  readonly text: string;
  readonly sort: string;
}

const numberCell = (text: string, value: number): SortCell => ({ text, sort: String(value) });

/** A row of the students' table: its link, badges, scores and submission time, and the text the search matches. */
function studentRow(e: BatchEntry, summary: ClassReport['summary'], ctx: ReportContext, hasReport: boolean) {
  const t = messages(ctx.lang);
  const c = t.batch.classPage;
  const badges = entryBadges(e).map((code) => ({ code, label: t.teacher.status[code] }));
  const result = e.status === 'graded' || e.status === 'ungradable' ? e.result : undefined;
  const late = result?.adjustments?.late;
  const fmt = (x: number): string => formatScore(x, ctx.lang);
  const scores = (pick: (id: string) => number | undefined): SortCell[] =>
    summary.exercises.map((x) => {
      const v = pick(x.id);
      return v === undefined ? { text: c.none, sort: '-1' } : numberCell(fmt(v), v);
    });
  const total =
    e.status === 'graded'
      ? numberCell(`${fmt(e.result.score)} / ${fmt(e.result.maxScore)}`, e.result.score)
      : e.status === 'not-submitted'
        ? numberCell(`0 / ${fmt(summary.maxScore)}`, 0)
        : { text: c.none, sort: '-1' };
  const cells =
    e.status === 'graded' ? scores((id) => e.result.exercises.find((y) => y.id === id)?.score) : e.status === 'not-submitted' ? scores(() => 0) : scores(() => undefined);
  const detail = e.status === 'error' ? e.message : e.status === 'ungradable' ? problemText(t, e.problem) : undefined;
  return {
    name: e.name,
    report: result && hasReport ? link(e.name, 'report.html') : undefined,
    badges,
    total,
    cells,
    detail,
    submitted: late?.submittedAt ? { text: whenText(ctx.lang, late.submittedAt), sort: late.submittedAt, source: t.teacher.source[late.source] } : undefined,
    search: [e.name, ...badges.map((b) => b.label)].join(' ').toLowerCase(),
  };
}

/** The class statistics: counts, histogram, pass rates, frequent mistakes. */
function statistics(report: ClassReport, ctx: ReportContext) {
  const t = messages(ctx.lang).batch.classPage;
  const { summary, entries } = report;
  const scores = entries.flatMap((e) => (e.status === 'graded' ? [e.result.score] : []));
  const bars = histogram(scores, summary.maxScore, { lang: ctx.lang });
  const fmt = (x: number): string => formatScore(x, ctx.lang);
  return {
    counts: summary.summary,
    mean: summary.summary.meanScore === null ? t.none : fmt(summary.summary.meanScore),
    median: summary.summary.medianScore === null ? t.none : fmt(summary.summary.medianScore),
    histogram: {
      caption: t.histogramCaption(fmt(summary.maxScore)),
      bars: bars.map((b) => ({
        ...b,
        title: t.histogramBar(b.label.split('–')[0]!, b.label.split('–')[1]!, b.count),
        labelY: b.y - 4,
        centerX: b.x + b.width / 2,
        tickY: 160 + 16,
      })),
      width: 560,
      height: 160,
      viewHeight: 160 + 40,
    },
    checks: summary.checks.map((c) => ({
      ...c,
      visibilityLabel: c.visibility === 'public' ? t.public : t.hidden,
      rate: width(c.passed, c.total),
      rateText: percentText(ctx.lang, messages(ctx.lang).report, c.passed, c.total),
    })),
    mistakes: summary.mistakes,
  };
}

/** What the page says of the teacher's controls: the late policy, and the lines that were not applied. */
function teacherView(report: ClassReport, ctx: ReportContext) {
  const t = messages(ctx.lang);
  const record = report.summary.teacher;
  if (!record) return undefined;
  const policy = record.deadline
    ? t.teacher.page.policy(whenText(ctx.lang, record.deadline), pointsText(ctx.lang, record.latePenaltyPercent ?? 0), record.lateCutoff ? whenText(ctx.lang, record.lateCutoff) : '')
    : undefined;
  return { policy, problems: record.problems.map((p) => teacherProblemText(t, p)) };
}

function view(report: ClassReport, ctx: ReportContext) {
  const t = messages(ctx.lang).batch.classPage;
  const { summary, entries, submissionFiles } = report;
  const hasReport = submissionFiles.includes('report.html');
  const students = entries.map((e) => studentRow(e, summary, ctx, hasReport));
  const fmt = (x: number): string => formatScore(x, ctx.lang);
  return {
    t,
    p: messages(ctx.lang).teacher.page,
    lang: ctx.lang,
    version: summary.grader.version,
    partial: summary.partial ? summary.partial.problems.map((p) => shardProblemText(messages(ctx.lang), p)) : undefined,
    teacher: teacherView(report, ctx),
    maxScore: fmt(summary.maxScore),
    hasSubmitted: students.some((s) => s.submitted),
    stats: statistics(report, ctx),
    similarity: report.similarity ? similaritySection(report.similarity, ctx.lang) : undefined,
    // Table columns: student, status, total, then the exercises, then the submission time.
    exercises: summary.exercises.map((e, i) => ({ ...e, maxScore: fmt(e.maxScore), col: 3 + i })),
    submittedCol: 3 + summary.exercises.length,
    students,
  };
}

const TEMPLATE = join(PACKAGE_ROOT, 'reports', 'templates', 'class-index.hbs');

/**
 * The hash of the template's one inline script (sorting and searching the students' table), for
 * the page's Content-Security-Policy: that script runs, nothing else a page could carry does.
 */
export function scriptHash(template: string): string {
  const m = /<script>([\s\S]*?)<\/script>/.exec(template);
  if (!m) throw new Error('class-index.hbs has no script');
  return `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`;
}

/** On its own Handlebars instance, so no helper or partial leaks from another reporter. */
function compile(): (v: ReturnType<typeof view>) => string {
  const hb = Handlebars.create();
  const source = readFileSync(TEMPLATE, 'utf8');
  const template = hb.compile<ReturnType<typeof view> & { scriptHash: string }>(source, { strict: false, preventIndent: true });
  const hash = scriptHash(source);
  return (v) => template({ ...v, scriptHash: hash });
}

/**
 * `index.html`: the class at a glance, self-contained (inline CSS, SVG and one small script, no
 * request): first the students, a table sortable by any column and searchable by name or status
 * (the script; without it the table still reads), each linking to its report.html, with badges
 * (not submitted, not graded, does not compile, file missing, late, changed by the teacher); then
 * the class statistics: counts, a histogram of total scores, the pass rate of every check, the
 * most frequent diagnosed mistakes. Every student string is escaped by the template's `{{ }}`.
 */
export const classHtml: ClassReporter = {
  name: 'class-html',
  fileName: 'index.html',
  render(report, ctx) {
    return compile()(visibleStrings(view(report, ctx)));
  },
};
