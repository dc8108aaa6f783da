/**
 * The dates a teacher hands the grader, in the forms their tools write them: ISO 8601 (what
 * scripts and `--deadline` use), day/month/year as a French spreadsheet writes it, and Moodle's
 * grading worksheet ("Friday, 20 November 2026, 11:59 PM", "vendredi 20 novembre 2026, 23:59").
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
/** 20/11/2026, 20.11.2026 23:59, 11/20/2026 11:59 PM. */
const NUMERIC = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[\sT,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
/** [weekday,] 20 November 2026[, [at] 11:59 PM] in English or French. */
const WORDS = /^(?:\p{L}+\.?,?\s+)?(\d{1,2})(?:er)?\s+(\p{L}+)\.?\s+(\d{4})(?:,?\s+(?:at\s+|à\s+)?(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/u;

/** Month names and their usual abbreviations, English and French, without accents. */
const MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    ['january', 'jan', 'janvier', 'janv'],
    ['february', 'feb', 'fevrier', 'fevr', 'fev'],
    ['march', 'mar', 'mars'],
    ['april', 'apr', 'avril', 'avr'],
    ['may', 'mai'],
    ['june', 'jun', 'juin'],
    ['july', 'jul', 'juillet', 'juil'],
    ['august', 'aug', 'aout'],
    ['september', 'sep', 'sept', 'septembre'],
    ['october', 'oct', 'octobre'],
    ['november', 'nov', 'novembre'],
    ['december', 'dec', 'decembre'],
  ].flatMap((names, i) => names.map((n) => [n, i + 1] as const)),
);

const plain = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** How numeric dates are read: 03/04/2026 is 3 April day first, 4 March month first. */
export interface WhenOptions {
  /** @default true (as the course's French spreadsheets write dates) */
  readonly dayFirst?: boolean;
}

interface Parts {
  readonly y: number;
  readonly mo: number;
  readonly d: number;
  /** Undefined for a date alone: the end of that day. */
  readonly h?: number;
  readonly mi?: number;
  readonly s?: number;
  /** Minutes east of UTC, or undefined for the grader's local time. */
  readonly offset?: number;
}

/** 12 AM is midnight, 12 PM noon; a 24-hour time is kept; an hour over 12 with AM/PM is impossible. */
function hour24(h: number, meridiem: string | undefined): number {
  if (meridiem === undefined) return h;
  if (h < 1 || h > 12) return NaN;
  const pm = meridiem.toLowerCase() === 'pm';
  return (h % 12) + (pm ? 12 : 0);
}

/** `Z`, `+01:00`, `-0230` as minutes east of UTC. */
function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const digits = offset.replace(/[^0-9]/g, '');
  return (offset[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

function isoParts(m: RegExpExecArray): Parts {
  const time = m[4] === undefined ? {} : { h: Number(m[4]), mi: Number(m[5]), s: m[6] === undefined ? 0 : Number(m[6]) };
  return { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]), ...time, ...(m[7] === undefined ? {} : { offset: offsetMinutes(m[7]) }) };
}

function timeParts(m: RegExpExecArray): Pick<Parts, 'h' | 'mi' | 's'> {
  if (m[4] === undefined) return {};
  return { h: hour24(Number(m[4]), m[7]), mi: Number(m[5]), s: m[6] === undefined ? 0 : Number(m[6]) };
}

function parts(text: string, dayFirst: boolean): Parts | undefined {
  const iso = ISO.exec(text);
  if (iso) return isoParts(iso);
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    return { y: Number(numeric[3]), mo: dayFirst ? b : a, d: dayFirst ? a : b, ...timeParts(numeric) };
  }
  const words = WORDS.exec(text);
  const month = words ? MONTHS[plain(words[2]!)] : undefined;
  if (!words || month === undefined) return undefined;
  return { y: Number(words[3]), mo: month, d: Number(words[1]), ...timeParts(words) };
}

/**
 * A date as a teacher writes it (see the module's comment). Without an offset it is the grader's
 * local time; a date alone means the end of that day. Undefined when it is not such a date or
 * names no real day or time (2026-02-30, 25:00, 13 PM).
 */
export function parseWhen(value: string, options: WhenOptions = {}): Date | undefined {
  const p = parts(value.trim(), options.dayFirst ?? true);
  if (!p) return undefined;
  const [hh, mm, ss] = p.h === undefined ? [23, 59, 59] : [p.h, p.mi ?? 0, p.s ?? 0];
  if (p.mo < 1 || p.mo > 12 || p.d < 1 || !(hh >= 0 && hh <= 23) || mm > 59 || ss > 59) return undefined;
  const date = p.offset === undefined ? new Date(p.y, p.mo - 1, p.d, hh, mm, ss) : new Date(Date.UTC(p.y, p.mo - 1, p.d, hh, mm, ss) - p.offset * 60_000);
  // Date rolls 30 February over to March: refuse a day the month does not have.
  const check = p.offset === undefined ? date.getDate() : new Date(Date.UTC(p.y, p.mo - 1, p.d)).getUTCDate();
  return Number.isNaN(date.getTime()) || check !== p.d ? undefined : date;
}

/**
 * Whether a column of numeric dates is day first: month first only when some date can only be
 * read that way (11/20/2026) and none only day first (20/11/2026); day first otherwise.
 */
export function dayFirstOf(values: readonly string[]): boolean {
  let dayOnly = false;
  let monthOnly = false;
  for (const v of values) {
    const m = NUMERIC.exec(v.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dayOnly = true;
    if (Number(m[2]) > 12) monthOnly = true;
  }
  return !(monthOnly && !dayOnly);
}
