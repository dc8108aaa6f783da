/**
 * Values computed by the grader's own code, kept on disk between processes by what determines
 * them: a check's cases and the reference's answers to them are the same at every cold start of
 * the same grader on the same exercise build and seed, and cost tens of ms to compute.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { isPlainData } from './plain-data.js';
import { writeFileAtomic } from './write.js';
import { pruneFolder } from './prune-folder.js';

/** A file's first bytes: its format, so a file of another kind (or version) is never read as one. */
const MAGIC = Buffer.from('neurograde-values/1\n');
const DIGEST_BYTES = 32;

export interface ValueStoreOptions {
  /** The folder, made (0700) at the first write. Only the grader's own user's files in it are read. */
  readonly dir: string;
  /**
   * Everything besides a value's own key that decides it: the grader's build, say. Mixed into
   * every key. A function is called once, at the first value asked for; when it answers
   * undefined (a version it cannot tell), nothing is read or written: every value is computed.
   */
  readonly version: string | (() => string | undefined);
  /** A larger value is neither written nor read. @default 16 MiB */
  readonly maxBytes?: number;
  /** At most this many files kept: the oldest go first. @default 2000 */
  readonly maxEntries?: number;
}

/** Values kept across processes (see createValueStore). */
export interface ValueStore {
  /**
   * The value stored under `parts` when one is there whole, else `compute`'s, stored when it is
   * plain data (see isPlainData). `parts` must name everything the value depends on.
   */
  recall<T>(parts: readonly string[], compute: () => T): T;
  /** How many values were computed here, and how many were read from the folder. */
  readonly counts: { readonly computed: number; readonly read: number };
}

/** The file name of a value: a hash of the version and the parts, each length-prefixed so no two lists collide. */
export function valueKey(version: string, parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const p of [version, ...parts]) hash.update(`${Buffer.byteLength(p)}:${p}`);
  return hash.digest('hex');
}

/** A payload's digest, bound to its key: a valid file copied under another key's name is refused. */
const digestOf = (key: string, payload: Uint8Array): Buffer => createHash('sha256').update(key).update(payload).digest();

/**
 * The file's bytes when it is a regular file of this user's, no larger than `maxBytes` plus the
 * header; else undefined. Read through one descriptor, so the checks and the read see one file.
 */
function readBounded(file: string, maxBytes: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    const total = MAGIC.length + DIGEST_BYTES + maxBytes;
    // Another user's file in a shared temporary folder could hold anything they chose.
    if (!st.isFile() || st.size > total || (process.getuid && st.uid !== process.getuid())) return undefined;
    const bytes = Buffer.alloc(st.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) return undefined;
      at += n;
    }
    return bytes;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The value in a file's bytes, if they are whole and this key's: anything else (torn, foreign, corrupt) is no value. */
function decode(key: string, bytes: Buffer): { readonly value: unknown } | undefined {
  const start = MAGIC.length + DIGEST_BYTES;
  if (bytes.length < start || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = bytes.subarray(start);
  if (!digestOf(key, payload).equals(bytes.subarray(MAGIC.length, start))) return undefined;
  try {
    return { value: deserialize(payload) as unknown };
  } catch {
    return undefined;
  }
}

/** A value's file bytes, or undefined when it is not plain data or too large to keep. */
function encode(key: string, value: unknown, maxBytes: number): Buffer | undefined {
  if (!isPlainData(value)) return undefined;
  let payload: Buffer;
  try {
    payload = serialize(value);
  } catch {
    return undefined;
  }
  return payload.length > maxBytes ? undefined : Buffer.concat([MAGIC, digestOf(key, payload), payload]);
}

/** Removes the oldest values of `dir` beyond `max` (see pruneFolder). */
const prune = (dir: string, max: number): void => pruneFolder(dir, '.bin', max);

/** Writes a value's file whole, or nothing: a store that cannot be written is only slower. */
function store(file: string, bytes: Buffer): void {
  try {
    writeFileAtomic(file, bytes, { dirMode: 0o700, mode: 0o600 });
  } catch {
    // A full disk, a folder of another user's: the value was computed, the grade stands.
  }
}

/**
 * A folder of values, each in a file named by its key: a header (format, then a SHA-256 of the
 * key and the payload) and node:v8's serialization of the value. A file that is not whole, not
 * this key's, too large, or not the user's own is ignored and the value computed again: what is
 * read can never change a grade. Written atomically: concurrent graders write the same bytes.
 */
export function createValueStore(options: ValueStoreOptions): ValueStore {
  const maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  const maxEntries = options.maxEntries ?? 2000;
  let version: { readonly known: string | undefined } | undefined;
  // Pruned once a process, after its first write: a folder of 2000 listed at each of a grading's
  // forty writes would cost more than the values. It holds at most one process's writes more.
  let pruned = false;
  const counts = { computed: 0, read: 0 };
  return {
    counts,
    recall<T>(parts: readonly string[], compute: () => T): T {
      version ??= { known: typeof options.version === 'function' ? options.version() : options.version };
      if (version.known === undefined) {
        counts.computed++;
        return compute();
      }
      const key = valueKey(version.known, parts);
      const file = join(options.dir, `${key}.bin`);
      const bytes = readBounded(file, maxBytes);
      const found = bytes && decode(key, bytes);
      if (found) {
        counts.read++;
        return found.value as T;
      }
      const value = compute();
      counts.computed++;
      const encoded = encode(key, value, maxBytes);
      if (encoded) {
        store(file, encoded);
        if (!pruned) prune(options.dir, maxEntries);
        pruned = true;
      }
      return value;
    },
  };
}
