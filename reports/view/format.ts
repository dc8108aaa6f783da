import type { Messages } from '../../grader/i18n/types.js';
import type { Lang } from '../../grader/model/localized.js';
import type { ScoreView } from './types.js';
import { formatPercent, formatScore, percentOf } from '../../grader/i18n/score.js';

const locale = (lang: Lang): string => (lang === 'fr' ? 'fr-FR' : 'en-GB');
// Building an Intl.NumberFormat costs far more than using one; these are read-only.
const SECONDS: Readonly<Record<Lang, Intl.NumberFormat>> = {
  en: new Intl.NumberFormat(locale('en'), { maximumFractionDigits: 1 }),
  fr: new Intl.NumberFormat(locale('fr'), { maximumFractionDigits: 1 }),
};

/** A duration in seconds as prose (2,5 in French). Scores go through formatScore instead. */
export function formatSeconds(lang: Lang, seconds: number): string {
  return SECONDS[lang].format(seconds);
}

/** `part` of `whole` as the report's percentage ("12.5%", "12,5 %"). */
export function percentText(lang: Lang, labels: Messages['report'], part: number, whole: number): string {
  return labels.percent(formatPercent(part, whole, lang));
}

/** A date in UTC, so that the same result renders the same everywhere. */
export function formatDate(lang: Lang, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const text = new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(d);
  return `${text} UTC`;
}

export function scoreView(lang: Lang, labels: Messages['report'], score: number, max: number): ScoreView {
  const s = formatScore(score, lang);
  const m = formatScore(max, lang);
  const percent = percentText(lang, labels, score, max);
  const fill = Math.round(percentOf(score, max) * 10) / 10;
  return {
    text: labels.scoreOf(s, m),
    percent,
    fill,
    band: fill >= 90 ? 'good' : fill >= 50 ? 'fair' : 'poor',
    aria: labels.scoreAria(s, m, percent),
  };
}
