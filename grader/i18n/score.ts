import type { Lang } from '../model/localized.js';

/**
 * The one way a score becomes a number to store or a text to show. Every report (HTML, Markdown,
 * JUnit, Gradescope, CSV, class page), the terminal and the classroom feedback use it, so a
 * score reads the same everywhere.
 */

/** Decimals a total is stored with in results.json and class summaries: sums of check points. */
const STORED_DECIMALS = 3;
/** Decimals a score is shown with: check points are multiples of 0.25 in the bundled exercises, so 2 lose nothing there. */
const SHOWN_DECIMALS = 2;
/** Decimals a percentage is shown with; under 1 % one more, so a small score never reads 0. */
const PERCENT_DECIMALS = 1;

/**
 * `x` rounded to `decimals`, half away from zero, on the decimal value a person reads: 74.995 is
 * 7499.499999… hundredths in binary and plain Math.round(x * 100) gives 74.99; rounding the
 * product to 12 significant digits first removes that noise (and 0.1 + 0.2 becomes 0.3).
 */
function roundDecimal(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const scale = 10 ** decimals;
  const scaled = Number((Math.abs(x) * scale).toPrecision(12));
  const rounded = Math.round(scaled) / scale;
  return rounded === 0 ? 0 : Math.sign(x) * rounded;
}

/** A total as results.json and class summaries store it (3 decimals). */
export function roundScore(x: number): number {
  return roundDecimal(x, STORED_DECIMALS);
}

/** Plain digits for a rounded number: no exponent (1e-7 is 0 by then), no grouping, trailing zeros dropped. */
function digits(x: number, decimals: number, lang: Lang): string {
  const fixed = roundDecimal(x, decimals).toFixed(decimals);
  const text = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  const plain = text === '-0' ? '0' : text;
  return lang === 'fr' ? plain.replace('.', ',') : plain;
}

/** `x` with at most `decimals` decimals, half away from zero, no trailing zeros, no grouping, the decimal separator of `lang`. */
export function formatDecimal(x: number, decimals: number, lang: Lang): string {
  return Number.isFinite(x) ? digits(x, decimals, lang) : String(x);
}

/**
 * A score as text: at most 2 decimals, half away from zero, no trailing zeros, the decimal
 * separator of `lang` (7.5 in English, 7,5 in French). English is also the form for machines
 * (CSV for an English gradebook, Gradescope's text).
 * @default lang 'en'
 */
export function formatScore(x: number, lang: Lang = 'en'): string {
  return Number.isFinite(x) ? digits(x, SHOWN_DECIMALS, lang) : String(x);
}

/** `part` out of `whole` in percent, as a number: 0 when `whole` is 0 (nothing to score). */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? (100 * part) / whole : 0;
}

/**
 * A percentage as text, without its sign (the language's template places it): 1 decimal, 2
 * under 1 % so that a small score does not read 0.
 * @default lang 'en'
 */
export function formatPercent(part: number, whole: number, lang: Lang = 'en'): string {
  const p = percentOf(part, whole);
  return digits(p, p > 0 && p < 1 ? PERCENT_DECIMALS + 1 : PERCENT_DECIMALS, lang);
}
