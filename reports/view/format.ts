import type { Messages } from '../../grader/i18n/types.js';
import type { Lang } from '../../grader/model/localized.js';
import type { ScoreView } from './types.js';

const locale = (lang: Lang): string => (lang === 'fr' ? 'fr-FR' : 'en-GB');
// Building an Intl.NumberFormat costs far more than using one; these are read-only.
const AMOUNT: Readonly<Record<Lang, readonly Intl.NumberFormat[]>> = {
  en: [0, 1, 2].map((d) => new Intl.NumberFormat(locale('en'), { maximumFractionDigits: d })),
  fr: [0, 1, 2].map((d) => new Intl.NumberFormat(locale('fr'), { maximumFractionDigits: d })),
};

/** Scores and percentages read as prose, so they follow the language (7,5 in French). */
export function formatAmount(lang: Lang, n: number, digits: 0 | 1 | 2 = 2): string {
  return AMOUNT[lang][digits]!.format(n);
}

export function formatPercent(lang: Lang, labels: Messages['report'], part: number, whole: number): string {
  const p = whole > 0 ? (100 * part) / whole : 0;
  return labels.percent(formatAmount(lang, p, p > 0 && p < 1 ? 2 : 1));
}

/** A date in UTC, so that the same result renders the same everywhere. */
export function formatDate(lang: Lang, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const text = new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(d);
  return `${text} UTC`;
}

export function scoreView(lang: Lang, labels: Messages['report'], score: number, max: number): ScoreView {
  const s = formatAmount(lang, score);
  const m = formatAmount(lang, max);
  const percent = formatPercent(lang, labels, score, max);
  const fill = max > 0 ? Math.round((1000 * score) / max) / 10 : 0;
  return {
    text: labels.scoreOf(s, m),
    percent,
    fill,
    band: fill >= 90 ? 'good' : fill >= 50 ? 'fair' : 'poor',
    aria: labels.scoreAria(s, m, percent),
  };
}
