import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface WriteOptions {
  /** Permissions of the folders made for the file. @default 0o777 less the umask */
  readonly dirMode?: number;
  /** Permissions of the file. @default 0o666 less the umask */
  readonly mode?: number;
}

/**
 * Writes a file atomically: a reader (or a rerun after a kill) sees the old file or the new one,
 * never half of one.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  mkdirSync(dirname(path), { recursive: true, ...(options.dirMode !== undefined ? { mode: options.dirMode } : {}) });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, content, options.mode !== undefined ? { mode: options.mode } : {});
  renameSync(tmp, path);
}
