import { createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type TransformCallback } from 'node:stream';
import yauzl from 'yauzl';

/** How much a zip may hold; a zip past any limit is refused whole. */
export interface UnzipLimits {
  /** Files and folders in the archive. @default 2000 */
  readonly maxEntries?: number;
  /** Bytes of one file once unpacked. @default 16 MiB */
  readonly maxFileBytes?: number;
  /** Bytes of all files once unpacked, counted as they stream, not as the headers claim. @default 64 MiB */
  readonly maxTotalBytes?: number;
  /** Largest unpacked/packed ratio of an entry bigger than 1 MiB (a zip bomb's is in the thousands). @default 200 */
  readonly maxRatio?: number;
}

/** Why a zip was refused, as data for the student's error row. */
export type UnzipRefusal =
  | { readonly reason: 'path'; readonly entry: string }
  | { readonly reason: 'link'; readonly entry: string }
  | { readonly reason: 'entries'; readonly limit: number }
  | { readonly reason: 'size'; readonly limit: number }
  | { readonly reason: 'ratio'; readonly entry: string; readonly limit: number }
  | { readonly reason: 'encrypted'; readonly entry: string }
  | { readonly reason: 'duplicate'; readonly entry: string }
  | { readonly reason: 'corrupt'; readonly detail: string };

export type UnzipOutcome = { readonly ok: true; readonly root: string } | ({ readonly ok: false } & UnzipRefusal);

const MiB = 1024 * 1024;

class Refused extends Error {
  readonly refusal: UnzipRefusal;
  constructor(refusal: UnzipRefusal) {
    super(refusal.reason);
    this.refusal = refusal;
  }
}

/** A name is safe when it stays inside the destination on any platform. */
function safeName(name: string): boolean {
  if (name.length === 0 || name.includes('\0') || name.includes('\\')) return false;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return false;
  return name.split('/').every((seg) => seg !== '..');
}

function isSymlink(entry: yauzl.Entry): boolean {
  // Unix mode lives in the high 16 bits of the external attributes (when made on Unix).
  const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
  return mode === 0o120000;
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((res, rej) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true, decodeStrings: true }, (err, zip) => (err ? rej(err) : res(zip!)));
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((res, rej) => zip.openReadStream(entry, (err, s) => (err ? rej(err) : res(s!))));
}

/** Counts bytes as they stream and stops past the limits, whatever the headers said. */
function meter(onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      try {
        onBytes(chunk.length);
        done(null, chunk);
      } catch (e) {
        done(e as Error);
      }
    },
  });
}

/**
 * Unpacks a student's zip into `dest`, refusing the whole archive on any path that would leave
 * it (`../`, absolute, drive letters, backslashes), any symbolic link entry, encrypted entries,
 * duplicate names, and past the entry, size and ratio limits. Links are never created and every
 * folder is made by us, so nothing written can land outside `dest`. When the archive holds a
 * single folder (a zipped folder, as most tools make), that folder is the submission.
 */
export async function unzipSubmission(zipPath: string, dest: string, limits: UnzipLimits = {}): Promise<UnzipOutcome> {
  const l: Required<UnzipLimits> = {
    maxEntries: limits.maxEntries ?? 2000,
    maxFileBytes: limits.maxFileBytes ?? 16 * MiB,
    maxTotalBytes: limits.maxTotalBytes ?? 64 * MiB,
    maxRatio: limits.maxRatio ?? 200,
  };
  const root = resolve(dest);
  mkdirSync(root, { recursive: true });
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(zipPath);
  } catch (e) {
    return { ok: false, reason: 'corrupt', detail: (e as Error).message };
  }
  if (zip.entryCount > l.maxEntries) {
    zip.close();
    return { ok: false, reason: 'entries', limit: l.maxEntries };
  }
  try {
    await new Unpacking(zip, root, l).run();
  } catch (e) {
    rmSync(root, { recursive: true, force: true });
    return { ok: false, ...refusalOf(e) };
  }
  return { ok: true, root: unwrapSingleFolder(root) };
}

/** Why unpacking stopped, from our own refusal or yauzl's error. */
function refusalOf(e: unknown): UnzipRefusal {
  if (e instanceof Refused) return e.refusal;
  const message = (e as Error).message;
  // yauzl names unsafe paths itself before we see the entry.
  if (/invalid relative path|absolute path|invalid characters/i.test(message)) return { reason: 'path', entry: message };
  if (/encrypt/i.test(message)) return { reason: 'encrypted', entry: message };
  return { reason: 'corrupt', detail: message };
}

/** One archive being unpacked: entry by entry, with the bytes written so far and the names seen. */
class Unpacking {
  private total = 0;
  private readonly seen = new Set<string>();

  constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly root: string,
    private readonly l: Required<UnzipLimits>,
  ) {}

  run(): Promise<void> {
    const { zip } = this;
    return new Promise<void>((res, rej) => {
      zip.on('error', rej);
      zip.on('end', () => res());
      zip.on('entry', (entry: yauzl.Entry) => {
        this.entry(entry).then(() => zip.readEntry(), (e) => {
          zip.close();
          rej(e);
        });
      });
      zip.readEntry();
    });
  }

  /** Where an entry goes under the root, undefined for the root itself; refuses a name that would leave it. */
  private target(entry: yauzl.Entry): { clean: string; target: string } | undefined {
    const name = entry.fileName;
    if (!safeName(name)) throw new Refused({ reason: 'path', entry: name });
    if (isSymlink(entry)) throw new Refused({ reason: 'link', entry: name });
    const clean = name.split('/').filter((s) => s !== '' && s !== '.').join('/');
    if (clean === '') return undefined;
    const target = resolve(this.root, clean);
    if (!target.startsWith(this.root + sep)) throw new Refused({ reason: 'path', entry: name });
    return { clean, target };
  }

  /** Refuses a file entry by its header: a duplicate, encrypted, too large or too compressed. */
  private admit(entry: yauzl.Entry, clean: string): void {
    const name = entry.fileName;
    const { l } = this;
    if (this.seen.has(clean)) throw new Refused({ reason: 'duplicate', entry: name });
    this.seen.add(clean);
    if (entry.isEncrypted()) throw new Refused({ reason: 'encrypted', entry: name });
    if (entry.uncompressedSize > l.maxFileBytes || this.total + entry.uncompressedSize > l.maxTotalBytes) {
      throw new Refused({ reason: 'size', limit: l.maxTotalBytes });
    }
    if (entry.uncompressedSize > MiB && entry.uncompressedSize / Math.max(entry.compressedSize, 1) > l.maxRatio) {
      throw new Refused({ reason: 'ratio', entry: name, limit: l.maxRatio });
    }
  }

  private async entry(entry: yauzl.Entry): Promise<void> {
    const where = this.target(entry);
    if (!where) return;
    if (entry.fileName.endsWith('/')) {
      mkdirSync(where.target, { recursive: true });
      return;
    }
    this.admit(entry, where.clean);
    mkdirSync(resolve(where.target, '..'), { recursive: true });
    let fileBytes = 0;
    const stream = await openEntry(this.zip, entry);
    await pipeline(
      stream,
      // The headers may lie: the bytes are counted as they stream.
      meter((n) => {
        fileBytes += n;
        this.total += n;
        if (fileBytes > this.l.maxFileBytes || this.total > this.l.maxTotalBytes) throw new Refused({ reason: 'size', limit: this.l.maxTotalBytes });
      }),
      createWriteStream(where.target, { flags: 'wx' }),
    );
  }
}

const JUNK = new Set(['__MACOSX', '.DS_Store', 'Thumbs.db']);

function unwrapSingleFolder(root: string): string {
  const entries = readdirSync(root, { withFileTypes: true }).filter((e) => !JUNK.has(e.name));
  if (entries.length === 1 && entries[0]!.isDirectory()) return join(root, entries[0]!.name);
  return root;
}
