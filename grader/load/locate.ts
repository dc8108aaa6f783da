import { closeSync, openSync, readSync } from 'node:fs';
import { exportsUsed, type Step } from '../sandbox/steps.js';

/** Where a check points in the student's files, 1-based. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The line where `name` is declared in a TypeScript source: an exported function, class,
 * const/let/var, or a local one exported later by `export { name }`. 1-based; undefined when not found.
 */
export function declarationLine(source: string, name: string): number | undefined {
  const n = escapeRe(name);
  const patterns = [
    new RegExp(`^\\s*export\\s+(?:default\\s+)?(?:async\\s+)?function\\s*\\*?\\s*${n}\\b`),
    new RegExp(`^\\s*export\\s+(?:declare\\s+)?(?:abstract\\s+)?class\\s+${n}\\b`),
    new RegExp(`^\\s*export\\s+(?:const|let|var)\\s+${n}\\b`),
    new RegExp(`^\\s*(?:async\\s+)?function\\s*\\*?\\s*${n}\\b`),
    new RegExp(`^\\s*(?:abstract\\s+)?class\\s+${n}\\b`),
    new RegExp(`^\\s*(?:const|let|var)\\s+${n}\\b`),
  ];
  const lines = source.split(/\r?\n/);
  for (const p of patterns) {
    const i = lines.findIndex((l) => p.test(l));
    if (i >= 0) return i + 1;
  }
  return undefined;
}

/** The first `file.ts:line:col` of a student's stack or compile message that names a file. */
export function firstFrame(text: string | undefined): SourceLocation | undefined {
  if (!text) return undefined;
  const m = /(?:\(|\s|^)([A-Za-z0-9_./-]+\.(?:ts|mts|js|mjs)):(\d+):(\d+)/m.exec(text);
  return m ? { file: m[1]!, line: Number(m[2]), column: Number(m[3]) } : undefined;
}

/** The student's file, read up to a bound (the grader reads student files under a bound too). */
export function readSourceBounded(path: string, maxBytes = 1 << 20): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(maxBytes);
    const n = readSync(fd, buf, 0, maxBytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Where a check that did not pass points: the student's own frame for a throw, else the
 * declaration of the export at fault (one the diagnosed mistake replaces, else the first the
 * check's cases call, else the first the exercise declares). Undefined when none is found.
 */
export function locateCheck(options: {
  readonly file: string;
  readonly source: string | undefined;
  readonly stack?: string;
  readonly steps?: readonly (readonly Step[])[];
  readonly suspects?: readonly string[];
  readonly exports: readonly string[];
}): SourceLocation | undefined {
  const frame = firstFrame(options.stack);
  if (frame) return frame;
  if (options.source === undefined) return undefined;
  const used = [...new Set((options.steps ?? []).flatMap((s) => exportsUsed(s)))];
  const suspects = options.suspects ?? [];
  const candidates = [...suspects.filter((n) => used.length === 0 || used.includes(n)), ...used, ...options.exports];
  for (const name of candidates) {
    const line = declarationLine(options.source, name);
    if (line !== undefined) return { file: options.file, line, column: 1 };
  }
  return undefined;
}
