import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/write.js';

/**
 * The folder, inside each submission's output folder, where batch keeps a copy of the student's
 * exercise files (`<out>/<name>/sources/convolution.ts`...), so that `neurograde similarity
 * <out>` can compare a finished batch without the class folder or its zips.
 */
export const SOURCES_DIR = 'sources';

/** A kept file larger than this is left out: nothing a student writes for an exercise is that big. */
export const MAX_KEPT_BYTES = 1024 * 1024;

/**
 * Reads the exercise files a submission has (regular files at the top of its folder, never a
 * link, at most MAX_KEPT_BYTES each), to keep them with its output.
 */
export function readExerciseFiles(dir: string, files: readonly string[]): Map<string, Buffer> {
  const kept = new Map<string, Buffer>();
  for (const file of files) {
    const path = join(dir, file);
    try {
      const st = lstatSync(path);
      if (st.isFile() && st.size <= MAX_KEPT_BYTES) kept.set(file, readFileSync(path));
    } catch {
      // A missing file costs its exercise when graded; there is simply nothing to keep.
    }
  }
  return kept;
}

/**
 * Writes the kept copies of `files` into `<outDir>/sources/`, each atomically; a file of `files`
 * the student no longer has is removed. Other exercises' copies stay (a regrade of some
 * exercises keeps the others' grades, and so their sources).
 */
export function keepSources(outDir: string, kept: ReadonlyMap<string, Buffer>, files: readonly string[]): void {
  const dir = join(outDir, SOURCES_DIR);
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const content = kept.get(file);
    if (content) writeFileAtomic(join(dir, file), content);
    else rmSync(join(dir, file), { force: true });
  }
}

/** Whether a submission's output already has its kept sources. */
export function hasKeptSources(outDir: string): boolean {
  return existsSync(join(outDir, SOURCES_DIR));
}

/**
 * The kept files of one submission's output: file name to text (empty when none were kept), and
 * the files over `maxBytes`, left unread.
 */
export function readKeptSources(outDir: string, maxBytes: number): { files: Map<string, string>; tooLarge: string[] } {
  const dir = join(outDir, SOURCES_DIR);
  const files = new Map<string, string>();
  const tooLarge: string[] = [];
  if (!existsSync(dir)) return { files, tooLarge };
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (!d.isFile() || d.name.endsWith('.tmp')) continue;
    const path = join(dir, d.name);
    if (lstatSync(path).size > maxBytes) tooLarge.push(d.name);
    else files.set(d.name, readFileSync(path, 'utf8'));
  }
  return { files, tooLarge: tooLarge.sort() };
}
