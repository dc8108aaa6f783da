import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSubmission, type UnzipLimits, type UnzipOutcome } from '../grader/batch/unzip.js';
import { makeZip, type ZipEntrySpec } from './fixtures/batch/zip.js';

const work = mkdtempSync(join(tmpdir(), 'neurograde-zip-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
async function unzip(entries: readonly ZipEntrySpec[], limits?: UnzipLimits): Promise<{ outcome: UnzipOutcome; dest: string; base: string }> {
  const base = join(work, `case-${n++}`);
  const zip = `${base}.zip`;
  writeFileSync(zip, makeZip(entries));
  const dest = join(base, 'out', 'sub');
  return { outcome: await unzipSubmission(zip, dest, limits), dest, base };
}

/** Every file under a folder, relative, sorted. */
function files(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
  ).sort();
}

describe('unzipSubmission', () => {
  it('unpacks plain files and folders, stored or deflated', async () => {
    const { outcome, dest } = await unzip([
      { name: 'shapes.ts', data: 'export const a = 1;\n' },
      { name: 'lib/', data: '' },
      { name: 'lib/util.ts', data: 'export const b = 2;\n', method: 'store' },
    ]);
    expect(outcome).toEqual({ ok: true, root: dest });
    expect(files(dest)).toEqual(['lib/util.ts', 'shapes.ts']);
    expect(readFileSync(join(dest, 'lib', 'util.ts'), 'utf8')).toBe('export const b = 2;\n');
  });

  it('takes the single folder of a zipped folder as the submission', async () => {
    const { outcome, dest } = await unzip([
      { name: 'alice/', data: '' },
      { name: 'alice/shapes.ts', data: 'x' },
      { name: '__MACOSX/alice/._shapes.ts', data: 'junk' },
    ]);
    expect(outcome).toEqual({ ok: true, root: join(dest, 'alice') });
  });

  /** Where an absolute entry would land: named for this run, so no other program's file there can fail the test. */
  const ABSOLUTE = `/tmp/neurograde-abs-${process.pid}-${Date.now()}.ts`;

  // Each hostile archive is refused whole, and nothing of it is left on disk, inside or outside.
  it.each<[string, ZipEntrySpec[], UnzipLimits | undefined, string]>([
    ['a ../ path', [{ name: 'ok.ts', data: 'x' }, { name: '../../escaped.ts', data: 'x' }], undefined, 'path'],
    ['an absolute path', [{ name: ABSOLUTE, data: 'x' }], undefined, 'path'],
    ['a backslash path', [{ name: '..\\..\\escaped.ts', data: 'x' }], undefined, 'path'],
    ['a drive letter', [{ name: 'C:/x.ts', data: 'x' }], undefined, 'path'],
    ['a symbolic link entry', [{ name: 'link.ts', data: '/etc/passwd', mode: 0o120777 }], undefined, 'link'],
    ['too many entries', Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.ts`, data: 'x' })), { maxEntries: 5 }, 'entries'],
    ['a file over the size limit', [{ name: 'big.ts', data: 'x'.repeat(5000), method: 'store' }], { maxFileBytes: 4096 }, 'size'],
    ['a total over the size limit', [{ name: 'a.ts', data: 'x'.repeat(3000) }, { name: 'b.ts', data: 'y'.repeat(3000) }], { maxTotalBytes: 5000 }, 'size'],
    ['a zip bomb (huge ratio)', [{ name: 'bomb.ts', data: Buffer.alloc(4 * 1024 * 1024) }], undefined, 'ratio'],
    ['a header that lies about the size', [{ name: 'liar.ts', data: 'x'.repeat(100_000), claimedSize: 10 }], undefined, 'corrupt'],
    ['an encrypted entry', [{ name: 'secret.ts', data: 'x', encrypted: true, method: 'store' }], undefined, 'encrypted'],
    ['a name given twice', [{ name: 'a.ts', data: 'x' }, { name: './a.ts', data: 'y' }], undefined, 'duplicate'],
  ])('refuses %s', async (_what, entries, limits, reason) => {
    const { outcome, base } = await unzip(entries, limits);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? undefined : outcome.reason).toBe(reason);
    expect(files(join(base, 'out'))).toEqual([]);
    expect(existsSync(join(work, 'escaped.ts'))).toBe(false);
    expect(existsSync(ABSOLUTE)).toBe(false);
  });

  it('refuses a file that is not a zip', async () => {
    const path = join(work, 'not-a-zip.zip');
    writeFileSync(path, 'just text');
    const outcome = await unzipSubmission(path, join(work, 'not-a-zip'));
    expect(outcome.ok ? undefined : outcome.reason).toBe('corrupt');
  });
});
