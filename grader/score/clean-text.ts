import { visibleText } from '../io/unsafe-text.js';

/**
 * What visibleText leaves that no output may carry either: the noncharacters U+FDD0..U+FDEF and
 * U+xFFFE/U+xFFFF, and lone surrogates. XML cannot hold them, HTML calls them parse errors, and
 * JSON readers may refuse them.
 */
const NONCHARACTERS = /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const shown = (s: string): string => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join('');

/**
 * A student's text made safe for every output: control and bidi characters shown escaped
 * (`\x00`, `\x1B`, `\u202E`, see visibleText), line breaks and tabs kept, noncharacters and lone
 * surrogates shown escaped too. Visible and inert in a terminal, JSON, XML and HTML alike.
 */
export function cleanText(text: string): string {
  return visibleText(text, { multiline: true }).replace(NONCHARACTERS, shown);
}

/**
 * A result with every string in it cleaned, keys included: done once, where check results are
 * built, so results.json and every report rendered from it carry the same safe text.
 */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => cleanStrings(v)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanStrings(v)])) as T;
  }
  return value;
}
