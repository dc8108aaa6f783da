import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundler, type Bundler } from './bundler.js';

/**
 * The bundler runs in a process of its own: a file that kills esbuild costs the exercises that
 * import it, never a later file or submission; the grader reads nothing outside the submission.
 */
describe('createBundler', () => {
  let dir: string;
  let bundler: Bundler;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ng-bundler-'));
    writeFileSync(join(dir, 'ok.ts'), 'export const f = (x: number): number => x + 1;\n');
    // 300,000 brackets deep: esbuild's parser overflows its stack on it.
    writeFileSync(join(dir, 'deep.ts'), `export const x = ${'['.repeat(300_000)}${']'.repeat(300_000)};\n`);
    // A million prefix operators in a row: esbuild parses them recursively and dies too, sooner.
    writeFileSync(join(dir, 'bang.ts'), `export const x = ${'!'.repeat(1_000_000)}1;\n`);
    writeFileSync(join(dir, 'imports-deep.ts'), 'export { x } from "./deep.js";\n');
    writeFileSync(join(dir, 'big.ts'), `export const s = "${'a'.repeat(1_100_000)}";\n`);
    const tsDir = join(dir, 'ts');
    execFileSync('mkdir', [tsDir]);
    writeFileSync(join(tsDir, 'tsconfig.json'), '{ "extends": "/etc/passwd" }\n');
    writeFileSync(join(tsDir, 'a.ts'), 'export const a = 1;\n');
    execFileSync('mkfifo', [join(dir, 'fifo.ts')]);
    bundler = createBundler();
  });
  afterAll(() => {
    bundler.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a file nested too deep before esbuild parses it, with the line, and builds the others of the request', async () => {
    const out = await bundler.bundle(dir, ['deep.ts', 'imports-deep.ts', 'ok.ts']);
    for (const file of ['deep.ts', 'imports-deep.ts']) {
      expect(out.get(file)).toMatchObject({ ok: false, kind: 'compile-error', errors: [{ location: 'deep.ts:1:1', refusal: { kind: 'too-deep', line: 1, limit: 500 } }] });
    }
    expect(out.get('ok.ts')?.ok).toBe(true);
  });

  it.each([
    ['a file over the size limit', 'big.ts', { kind: 'too-large', limit: 1024 * 1024 }],
    ['a named pipe (esbuild would wait on it forever)', 'fifo.ts', { kind: 'not-a-file' }],
  ])('refuses %s', async (_name, file, refusal) => {
    const out = await bundler.bundle(dir, [file]);
    expect(out.get(file)).toMatchObject({ ok: false, kind: 'compile-error', errors: [{ refusal }] });
  });

  it('reads no tsconfig.json of the submission: an `extends` of /etc/passwd is never followed', async () => {
    const out = await bundler.bundle(join(dir, 'ts'), ['a.ts']);
    expect(out.get('a.ts')?.ok).toBe(true);
    expect(JSON.stringify(out.get('a.ts'))).not.toMatch(/root|passwd/);
  });

  it('a file that crashes esbuild costs its own files only, and the next request builds', async () => {
    // Without the depth check, the file reaches esbuild and kills its process.
    const unchecked = createBundler({ sources: { maxFileBytes: 8 << 20, maxDepth: Number.MAX_SAFE_INTEGER } });
    try {
      const out = await unchecked.bundle(dir, ['bang.ts', 'ok.ts']);
      expect(out.get('bang.ts')).toMatchObject({ ok: false, kind: 'bundler', reason: 'crash' });
      expect(out.get('ok.ts')?.ok).toBe(true);
      const next = await unchecked.bundle(dir, ['ok.ts']);
      expect(next.get('ok.ts')?.ok).toBe(true);
    } finally {
      unchecked.close();
    }
  });
});
