/**
 * Bounds a student's source file before the bundler parses it. esbuild parses nested
 * expressions recursively: an array literal nested 300,000 deep overflows its stack and kills
 * its process. A human-written file never nests more than a few dozen levels, nor weighs more
 * than a few hundred KiB.
 */
export interface SourceLimits {
  /** Bytes of one source file. @default 1 MiB */
  readonly maxFileBytes: number;
  /**
   * Brackets `( [ {` (and template substitutions) open at once, and prefix operators in a row
   * (`!!!!x`, which esbuild parses recursively too). @default 500
   */
  readonly maxDepth: number;
  /**
   * Bytes of all the files one build reads: an entry with 300 hard links to one 1 MiB file
   * imports 300 MiB, which kept esbuild busy 150 s and took 1.7 GB of its memory. @default 4 MiB
   */
  readonly maxTotalBytes: number;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = { maxFileBytes: 1024 * 1024, maxDepth: 500, maxTotalBytes: 4 * 1024 * 1024 };

/** Why a file is refused before bundling: data, formatted by the grader's messages. */
export type SourceRefusal =
  | { readonly kind: 'too-large'; readonly bytes: number; readonly limit: number }
  | { readonly kind: 'too-deep'; readonly line: number; readonly limit: number }
  | { readonly kind: 'not-a-file' }
  | { readonly kind: 'too-much'; readonly limit: number };

/** After these, a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);

/**
 * The line where brackets first nest deeper than `limit`, skipping comments, strings, template
 * text and regular expressions; undefined when they never do. One pass, no allocation per
 * character: a megabyte scans in a few milliseconds.
 */
export function firstTooDeep(text: string, limit: number): number | undefined {
  let depth = 0;
  let line = 1;
  // Depths at which a template literal's `${` was opened: its `}` resumes the template's text.
  const templates: number[] = [];
  let last = '';
  // Operators `! ~ + -` in a row, whitespace aside.
  let run = 0;
  let i = 0;
  const n = text.length;
  const skipQuoted = (quote: string): void => {
    for (i++; i < n && text[i] !== quote; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '\n') break;
    }
  };
  // Returns true when the template's text ends at `${` (a substitution opens), false at its closing backquote.
  const skipTemplateText = (): boolean => {
    for (; i < n; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '\n') line++;
      else if (c === '`') return false;
      else if (c === '$' && text[i + 1] === '{') {
        i++;
        return true;
      }
    }
    return false;
  };
  for (; i < n; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
      i--;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let j = i; j < stop; j++) if (text[j] === '\n') line++;
      i = stop - 1;
      continue;
    }
    if (c === '"' || c === "'") {
      skipQuoted(c);
      last = 'x';
      continue;
    }
    if (c === '/' && BEFORE_REGEX.has(last)) {
      let inClass = false;
      for (i++; i < n && text[i] !== '\n'; i++) {
        const r = text[i];
        if (r === '\\') i++;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
      }
      last = 'x';
      continue;
    }
    if (c === '`' || (c === '}' && templates.length > 0 && templates[templates.length - 1] === depth)) {
      if (c === '}') {
        templates.pop();
        depth--;
      }
      i++;
      if (skipTemplateText()) {
        depth++;
        templates.push(depth);
        if (depth > limit) return line;
        last = '{';
      } else last = 'x';
      continue;
    }
    if (c === '!' || c === '~' || c === '+' || c === '-') {
      if (++run > limit) return line;
      last = c;
      continue;
    }
    run = 0;
    if (c === '(' || c === '[' || c === '{') {
      depth++;
      if (depth > limit) return line;
    } else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    last = /[\w$]/.test(c) ? 'x' : c === ')' || c === ']' ? 'x' : c;
  }
  return undefined;
}

/** Why this source must not reach the bundler, or undefined when it may. */
export function refuseSource(text: string, bytes: number, limits: SourceLimits = DEFAULT_SOURCE_LIMITS): SourceRefusal | undefined {
  if (bytes > limits.maxFileBytes) return { kind: 'too-large', bytes, limit: limits.maxFileBytes };
  const line = firstTooDeep(text, limits.maxDepth);
  return line === undefined ? undefined : { kind: 'too-deep', line, limit: limits.maxDepth };
}
