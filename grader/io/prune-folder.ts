import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Removes the oldest files of `dir` whose name ends with `suffix`, beyond the `max` most recently
 * written (a lock or a temporary file, named otherwise, is never counted nor removed). A folder
 * that cannot be read, or a file another process removed meanwhile, is no fault: pruning is
 * housekeeping of a cache.
 */
export function pruneFolder(dir: string, suffix: string, max: number): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(suffix));
  } catch {
    return;
  }
  if (names.length <= max) return;
  const dated = names.flatMap((n) => {
    try {
      return [{ n, t: statSync(join(dir, n)).mtimeMs }];
    } catch {
      // Removed meanwhile by another process's pruning.
      return [];
    }
  });
  dated.sort((a, b) => a.t - b.t);
  for (const { n } of dated.slice(0, Math.max(0, dated.length - max))) rmSync(join(dir, n), { force: true });
}
