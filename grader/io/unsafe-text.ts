/**
 * Characters a name or a message must not carry raw to a terminal or a document: C0 and C1
 * controls and DEL (an escape sequence clears a teacher's screen or retitles the window; a NUL
 * cuts a file), and Unicode's bidirectional controls (a right-to-left override makes
 * `u<RLO>gnp.exe` read as `uexe.png`). Line breaks and tabs are kept only where a text may have
 * several lines.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const shown = (c: string): string => {
  const code = c.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
};

export interface VisibleOptions {
  /** Keep line breaks and tabs (a message); otherwise they are shown escaped too (a name). @default false */
  readonly multiline?: boolean;
}

/** The text with every control and bidi character shown escaped (`\x1B`, `\u202E`): visible, and inert. */
export function visibleText(text: string, options: VisibleOptions = {}): string {
  return text.replace(options.multiline ? UNSAFE : UNSAFE_ONE_LINE, shown);
}

/** Every string inside a plain value (a report's view model) through `visibleText`, line breaks kept. */
export function visibleStrings<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return visibleText(v, { multiline: true });
    if (Array.isArray(v)) return v.map(walk);
    const proto: unknown = v !== null && typeof v === 'object' ? Object.getPrototypeOf(v) : undefined;
    if (proto === Object.prototype || proto === null) {
      return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

/**
 * A line for a terminal: every control and bidi character shown escaped, except line breaks and
 * tabs, and the colour codes (SGR, `ESC [ digits m`) the grader itself writes.
 */
export function terminalLine(line: string): string {
  return line.split(/(\u001b\[[0-9;]{0,16}m)/).map((part, i) => (i % 2 === 1 ? part : visibleText(part, { multiline: true }))).join('');
}
