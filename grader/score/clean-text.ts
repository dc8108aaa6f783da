/**
 * Characters no report may carry as they are: C0 controls but tab, line feed and carriage return
 * (NUL, BS, ESC...), DEL and the C1 controls, the noncharacters U+FDD0..U+FDEF and U+xFFFE/U+xFFFF,
 * and lone surrogates. XML cannot hold them, HTML calls them parse errors, terminals obey them.
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Terminal escape sequences (colours, cursor moves) a student's output may hold: dropped whole. */
const ANSI = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;

/** A student's text made safe for every output: escape sequences dropped, unsafe characters as U+FFFD. */
export function cleanText(text: string): string {
  return text.replace(ANSI, '').replace(UNSAFE, '\uFFFD');
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
