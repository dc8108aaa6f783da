import { createHash, type Hash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export interface TreeFilter {
  /** Skips a file or folder, by its path relative to the root with `/` separators. */
  readonly skip?: (relative: string, isDir: boolean) => boolean;
}

/**
 * Hashes a folder's content: sorted relative paths, each with its bytes (a symbolic link with
 * its target text, never followed). The same files give the same hash on any machine; renaming,
 * editing, adding or removing a file changes it.
 */
export function hashTree(root: string, filter: TreeFilter = {}): string {
  const hash = createHash('sha256');
  addTree(hash, root, filter);
  return hash.digest('hex');
}

function addTree(hash: Hash, root: string, filter: TreeFilter): void {
  const walk = (rel: string): void => {
    const abs = rel ? join(root, rel) : root;
    const names = readdirSync(abs).sort();
    for (const name of names) {
      const childRel = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(abs, name));
      if (filter.skip?.(childRel, st.isDirectory())) continue;
      if (st.isDirectory()) walk(childRel);
      else if (st.isSymbolicLink()) record(hash, 'link', childRel, Buffer.from(readlinkSync(join(abs, name))));
      else if (st.isFile()) record(hash, 'file', childRel, readFileSync(join(abs, name)));
    }
  };
  walk('');
}

function record(hash: Hash, kind: string, rel: string, bytes: Buffer): void {
  hash.update(`${kind}\0${rel}\0${bytes.length}\0`);
  hash.update(bytes);
}

/** Hashes one file's bytes (a zip submission is its archive). */
export function hashFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Hashes a list of strings without ambiguity (each is length-prefixed). */
export function hashParts(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(`${Buffer.byteLength(p)}:${p}`);
  return hash.digest('hex');
}
