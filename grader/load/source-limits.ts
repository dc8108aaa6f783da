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
  return new DepthScan(text, limit).scan();
}

/** One scan of `firstTooDeep`: where it is in the text, and what is open. */
class DepthScan {
  private depth = 0;
  private line = 1;
  /** Depths at which a template literal's `${` was opened: its `}` resumes the template's text. */
  private readonly templates: number[] = [];
  private last = '';
  /** Operators `! ~ + -` in a row, whitespace aside. */
  private run = 0;
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly limit: number,
  ) {}

  scan(): number | undefined {
    for (const n = this.text.length; this.i < n; this.i++) if (this.tooDeepAt(this.text[this.i]!)) return this.line;
    return undefined;
  }

  /** Reads the character at `i` (and what it starts: a comment, a string...); true when nesting passes the limit there. */
  private tooDeepAt(c: string): boolean {
    if (c === '\n') this.line++;
    else if (c === ' ' || c === '\t' || c === '\r') return false;
    else if (c === '/' && (this.text[this.i + 1] === '/' || this.text[this.i + 1] === '*')) this.skipComment();
    else if (c === '"' || c === "'") this.skipQuoted(c);
    else if (c === '/' && BEFORE_REGEX.has(this.last)) this.skipRegex();
    else if (c === '`' || (c === '}' && this.templates.length > 0 && this.templates[this.templates.length - 1] === this.depth)) return this.template(c);
    else return this.operatorOrBracket(c);
    return false;
  }

  private skipComment(): void {
    const { text } = this;
    if (text[this.i + 1] === '/') {
      while (this.i < text.length && text[this.i] !== '\n') this.i++;
      this.i--;
      return;
    }
    const end = text.indexOf('*/', this.i + 2);
    const stop = end < 0 ? text.length : end + 2;
    for (let j = this.i; j < stop; j++) if (text[j] === '\n') this.line++;
    this.i = stop - 1;
  }

  private skipQuoted(quote: string): void {
    const { text } = this;
    for (this.i++; this.i < text.length && text[this.i] !== quote; this.i++) {
      if (text[this.i] === '\\') this.i++;
      else if (text[this.i] === '\n') break;
    }
    this.last = 'x';
  }

  private skipRegex(): void {
    const { text } = this;
    let inClass = false;
    for (this.i++; this.i < text.length && text[this.i] !== '\n'; this.i++) {
      const r = text[this.i];
      if (r === '\\') this.i++;
      else if (r === '[') inClass = true;
      else if (r === ']') inClass = false;
      else if (r === '/' && !inClass) break;
    }
    this.last = 'x';
  }

  /** A template's text, from its opening backquote or the `}` that ends a substitution. */
  private template(c: string): boolean {
    if (c === '}') {
      this.templates.pop();
      this.depth--;
    }
    this.i++;
    if (!this.skipTemplateText()) {
      this.last = 'x';
      return false;
    }
    this.depth++;
    this.templates.push(this.depth);
    this.last = '{';
    return this.depth > this.limit;
  }

  /** True when the template's text ends at `${` (a substitution opens), false at its closing backquote. */
  private skipTemplateText(): boolean {
    const { text } = this;
    for (; this.i < text.length; this.i++) {
      const c = text[this.i];
      if (c === '\\') this.i++;
      else if (c === '\n') this.line++;
      else if (c === '`') return false;
      else if (c === '$' && text[this.i + 1] === '{') {
        this.i++;
        return true;
      }
    }
    return false;
  }

  private operatorOrBracket(c: string): boolean {
    if (c === '!' || c === '~' || c === '+' || c === '-') {
      this.last = c;
      return ++this.run > this.limit;
    }
    this.run = 0;
    if (c === '(' || c === '[' || c === '{') {
      this.depth++;
      if (this.depth > this.limit) return true;
    } else if (c === ')' || c === ']' || c === '}') this.depth = Math.max(0, this.depth - 1);
    this.last = /[\w$]/.test(c) ? 'x' : c === ')' || c === ']' ? 'x' : c;
    return false;
  }
}

/** Why this source must not reach the bundler, or undefined when it may. */
export function refuseSource(text: string, bytes: number, limits: SourceLimits = DEFAULT_SOURCE_LIMITS): SourceRefusal | undefined {
  if (bytes > limits.maxFileBytes) return { kind: 'too-large', bytes, limit: limits.maxFileBytes };
  const line = firstTooDeep(text, limits.maxDepth);
  return line === undefined ? undefined : { kind: 'too-deep', line, limit: limits.maxDepth };
}
