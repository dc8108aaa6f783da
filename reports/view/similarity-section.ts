import { messages } from '../../grader/i18n/index.js';
import type { Lang } from '../../grader/model/localized.js';
import type { SimilarityReport } from '../../grader/model/similarity.js';
import { formatPercent } from '../../grader/i18n/score.js';
import { percentText } from './format.js';

const WIDTH = 560;
const HEIGHT = 120;
/** Rows of the top-pairs table besides the flagged ones. */
const LISTED = 10;

/**
 * The similarity section of index.html, as data: the top pairs (every flagged one, linked to its
 * page), the clusters of students sharing code, a histogram of every pair's similarity as SVG
 * geometry. The template escapes every name.
 */
export function similaritySection(report: SimilarityReport, lang: Lang) {
  const t = messages(lang).similarity.section;
  const labels = messages(lang).report;
  // A similarity is a fraction of 1; the language's template places the percent sign.
  const shown = (x: number): string => percentText(lang, labels, x, 1);
  const number = (x: number): string => formatPercent(x, 1, lang);
  const top = Math.max(1, ...report.histogram.map((b) => b.count));
  const step = WIDTH / report.histogram.length;
  const flagged = report.pairs.filter((p) => p.flagged).length;
  return {
    t,
    intro: t.intro(formatPercent(report.threshold, 1, lang)),
    pairs: report.pairs.slice(0, Math.max(flagged, LISTED)).map((p, i) => ({
      rank: i + 1,
      left: p.left,
      right: p.right,
      similarity: shown(p.similarity),
      longest: p.longestFile ? t.longestValue(p.longest, p.longestFile) : '',
      flagged: p.flagged,
      page: p.page,
      width: Math.round(p.similarity * 100),
    })),
    clusters: report.clusters.map((c) => ({ members: c.members, similarity: shown(c.similarity) })),
    skipped: report.skipped.map((s) => t.skipped(s.name, s.file)),
    histogram: {
      caption: t.histogramCaption(report.pairCount),
      width: WIDTH,
      height: HEIGHT,
      viewHeight: HEIGHT + 40,
      bars: report.histogram.map((b, i) => {
        const h = Math.round((b.count / top) * HEIGHT);
        const x = Math.round(i * step + 2);
        const w = Math.max(1, Math.round(step - 4));
        return {
          x,
          y: HEIGHT - h,
          width: w,
          height: h,
          count: b.count,
          centerX: x + w / 2,
          labelY: HEIGHT - h - 4,
          tickY: HEIGHT + 16,
          label: labels.percent(`${number(b.from)}–${number(b.to)}`),
          title: t.histogramBar(number(b.from), number(b.to), b.count),
          above: b.from >= report.threshold,
        };
      }),
    },
  };
}
