import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { basename, join, posix } from 'node:path';
import type { SubmissionProblem } from '../model/results.js';

/** How far the search for misplaced files goes into a submission. */
export interface LayoutLimits {
  /** Folder entries looked at in all, so that a huge upload costs a bounded time. @default 5000 */
  readonly maxEntries?: number;
  /** Folder levels below the top. @default 6 */
  readonly maxDepth?: number;
  /** Skipped files listed by name; the rest are counted. @default 50 */
  readonly maxListed?: number;
}

/** What a submission's folder holds, relative to the files the exercises expect. */
export interface SubmissionLayout {
  /** The folder to grade: the submission, or the one sub-folder that holds every expected file. */
  readonly root: string;
  /** That sub-folder, relative, with `/` separators; absent when the files are at the top. */
  readonly folder?: string;
  /** Why the submission cannot be graded as handed in; absent when it can. */
  readonly problem?: SubmissionProblem;
  /** Expected files not at the top of `root`, with where one was found below it. */
  readonly elsewhere: ReadonlyMap<string, string>;
  /** Files at the top of `root`: the candidates for the skipped-files list. */
  readonly topFiles: readonly string[];
}

/** Editors', archivers' and systems' litter: never the student's work, never reported. */
const JUNK = new Set(['__MACOSX', '.DS_Store', 'Thumbs.db', 'desktop.ini', 'node_modules', '.git', '.neurograde']);
const ignored = (name: string): boolean => JUNK.has(name) || name.startsWith('.');

interface Walk {
  /** Files by path relative to the submission, `/`-separated, breadth first. */
  readonly files: string[];
  /** Whether a limit stopped the walk before it saw everything. */
  readonly truncated: boolean;
}

/** Lists a folder's files breadth first, within the limits; links are listed, never followed. */
function walk(dir: string, limits: Required<LayoutLimits>): Walk {
  const files: string[] = [];
  let budget = limits.maxEntries;
  let level: string[] = [''];
  for (let depth = 0; depth <= limits.maxDepth && level.length > 0 && budget > 0; depth++) {
    const next: string[] = [];
    for (const rel of level) {
      let entries: Dirent[];
      try {
        entries = readdirSync(join(dir, rel), { withFileTypes: true });
      } catch (e) {
        if (rel === '') throw e;
        continue;
      }
      for (const d of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (budget-- <= 0) break;
        if (ignored(d.name)) continue;
        const path = rel ? `${rel}/${d.name}` : d.name;
        if (d.isDirectory()) next.push(path);
        else files.push(path);
      }
    }
    level = next;
  }
  return { files, truncated: budget <= 0 || level.length > 0 };
}

/**
 * Looks at a submission before it is graded: an empty or unreadable folder, or one without any
 * expected file, cannot be graded as handed in. Expected files found only below the top are
 * graded from their folder when it is the only one (a zipped `src/`), and named otherwise, so
 * that "file missing" can say where the file was.
 */
export function inspectSubmission(dir: string, expected: readonly string[], limits: LayoutLimits = {}): SubmissionLayout {
  const l: Required<LayoutLimits> = { maxEntries: limits.maxEntries ?? 5000, maxDepth: limits.maxDepth ?? 6, maxListed: limits.maxListed ?? 50 };
  let files: string[];
  let truncated: boolean;
  try {
    if (!lstatSync(dir).isDirectory()) throw Object.assign(new Error(`${basename(dir)} is not a folder`), { code: 'ENOTDIR' });
    ({ files, truncated } = walk(dir, l));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { root: dir, problem: { code: 'unreadable', detail: err.code ?? err.message }, elsewhere: new Map(), topFiles: [] };
  }
  const top = files.filter((f) => !f.includes('/'));
  const none = { root: dir, elsewhere: new Map<string, string>(), topFiles: top };
  if (files.length === 0 && !truncated) return { ...none, problem: { code: 'empty' } };
  const wanted = new Set(expected);
  const below = files.filter((f) => f.includes('/') && wanted.has(posix.basename(f)));
  const elsewhere = new Map<string, string>();
  for (const f of below) if (!top.includes(posix.basename(f)) && !elsewhere.has(posix.basename(f))) elsewhere.set(posix.basename(f), f);
  if (top.some((f) => wanted.has(f))) return { ...none, elsewhere };
  if (below.length === 0) return { ...none, problem: { code: 'no-expected-file', expected: [...expected], found: top.slice(0, l.maxListed) } };
  const folders = [...new Set(below.map((f) => posix.dirname(f)))];
  if (folders.length > 1) return { ...none, elsewhere, problem: { code: 'nested', found: below.slice(0, l.maxListed) } };
  const folder = folders[0]!;
  const inside = files.filter((f) => f.startsWith(`${folder}/`)).map((f) => f.slice(folder.length + 1));
  return { root: join(dir, ...folder.split('/')), folder, elsewhere: new Map(), topFiles: inside.filter((f) => !f.includes('/')) };
}

/** Files every project may hold that no exercise reads, never listed as skipped. */
const PROJECT_FILE = /^(package(-lock)?\.json|tsconfig(\..+)?\.json|readme(\..+)?|license(\..+)?|.+\.config\.(ts|js|mjs|cjs)|yarn\.lock|pnpm-lock\.yaml)$/i;

/**
 * The files at the top of the graded folder that grading did not use: not an expected file, not
 * imported by one, not a usual project file. `used` holds paths relative to the graded folder.
 */
export function skippedFiles(layout: SubmissionLayout, used: ReadonlySet<string>, maxListed = 50): { skipped: string[]; more: number } {
  const all = layout.topFiles.filter((f) => !used.has(f) && !PROJECT_FILE.test(f));
  return { skipped: all.slice(0, maxListed), more: Math.max(0, all.length - maxListed) };
}
