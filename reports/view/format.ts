import type { Messages } from '../../grader/i18n/types.js';
import type { Lang } from '../../grader/model/localized.js';
import type { ScoreView } from './types.js';
import { formatDecimal, formatPercent, formatScore, percentOf } from '../../grader/i18n/score.js';

/**
 * A duration in seconds as prose (2,5 in French): one decimal, the separator of `lang`. Not
 * Intl: its first use loads ICU's locale data, about 10 ms of every report, and a Node built
 * with small-icu would write French durations the English way.
 */
export function formatSeconds(lang: Lang, seconds: number): string {
  return formatDecimal(seconds, 1, lang);
}

/** `part` of `whole` as the report's percentage ("12.5%", "12,5 %"). */
export function percentText(lang: Lang, labels: Messages['report'], part: number, whole: number): string {
  return labels.percent(formatPercent(part, whole, lang));
}

/** A date in UTC, so that the same result renders the same everywhere; the month's name from the report's strings (no Intl, see formatSeconds). */
export function formatDate(labels: Messages['report'], iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${labels.dateTime(d.getUTCDate(), d.getUTCMonth(), d.getUTCFullYear(), time)} UTC`;
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
