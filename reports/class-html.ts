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

function view(report: ClassReport, ctx: ReportContext) {
  const t = messages(ctx.lang).batch.classPage;
  const { summary, entries, submissionFiles } = report;
  const scores = entries.flatMap((e) => (e.status === 'graded' ? [e.result.score] : []));
  const hasReport = submissionFiles.includes('report.html');
  const bars = histogram(scores, summary.maxScore, { lang: ctx.lang });
  const fmt = (x: number): string => formatScore(x, ctx.lang);
  return {
    t,
    lang: ctx.lang,
    version: summary.grader.version,
    counts: summary.summary,
    partial: summary.partial ? summary.partial.problems.map((p) => shardProblemText(messages(ctx.lang), p)) : undefined,
    mean: summary.summary.meanScore === null ? t.none : fmt(summary.summary.meanScore),
    median: summary.summary.medianScore === null ? t.none : fmt(summary.summary.medianScore),
    maxScore: fmt(summary.maxScore),
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
      rateText: formatPercent(c.passed, c.total, ctx.lang),
    })),
    mistakes: summary.mistakes,
    similarity: report.similarity ? similaritySection(report.similarity, ctx.lang) : undefined,
    exercises: summary.exercises.map((e) => ({ ...e, maxScore: fmt(e.maxScore) })),
    students: entries.map((e) =>
      e.status === 'error'
        ? { name: e.name, status: t.error, error: e.message, cells: summary.exercises.map(() => t.none) }
        : e.status === 'ungradable'
          ? {
              name: e.name,
              status: messages(ctx.lang).layout.status,
              error: problemText(messages(ctx.lang), e.problem),
              cells: summary.exercises.map(() => t.none),
              report: e.result && hasReport ? link(e.name, 'report.html') : undefined,
            }
          : {
            name: e.name,
            score: fmt(e.result.score),
            maxScore: fmt(e.result.maxScore),
            cells: summary.exercises.map((x) => {
              const r = e.result.exercises.find((y) => y.id === x.id);
              return r ? fmt(r.score) : t.none;
            }),
            report: hasReport ? link(e.name, 'report.html') : undefined,
            results: link(e.name, 'results.json'),
          },
    ),
  };
}

const TEMPLATE = join(PACKAGE_ROOT, 'reports', 'templates', 'class-index.hbs');

/** On its own Handlebars instance, so no helper or partial leaks from another reporter. */
function compile(): (v: ReturnType<typeof view>) => string {
  const hb = Handlebars.create();
  return hb.compile(readFileSync(TEMPLATE, 'utf8'), { strict: false, preventIndent: true });
}

/**
 * `index.html`: the class at a glance, self-contained (inline CSS and SVG, no script): counts,
 * a histogram of total scores, the pass rate of every check, the most frequent diagnosed
 * mistakes, and a row per submission linking to its report. Every student string is escaped by
 * the template's `{{ }}`.
 */
export const classHtml: ClassReporter = {
  name: 'class-html',
  fileName: 'index.html',
  render(report, ctx) {
    return compile()(visibleStrings(view(report, ctx)));
  },
};
