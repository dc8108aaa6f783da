import { execFileSync } from 'node:child_process';
import { linkSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prlimitPath } from '../io/helper-process.js';
import { createBundler, type Bundler } from './bundler.js';
import { DEFAULT_SOURCE_LIMITS } from './source-limits.js';

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
    // An import bomb: 300 hard links to one 1 MiB file, 300 MiB for esbuild from 1 MiB on disk.
    writeFileSync(join(dir, 'mib.ts'), `export const v = [${'0,'.repeat(500_000)}];\n`);
    for (let i = 0; i < 300; i++) linkSync(join(dir, 'mib.ts'), join(dir, `link${i}.ts`));
    const bomb = (links: number): string => `${Array.from({ length: links }, (_, i) => `export { v as v${i} } from './link${i}.js';`).join('\n')}\n`;
    writeFileSync(join(dir, 'bomb.ts'), bomb(300));
    writeFileSync(join(dir, 'bomb60.ts'), bomb(60));
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

  it('refuses an import bomb once the files one build reads pass 4 MiB, naming the file that passed it', async () => {
    const out = await bundler.bundle(dir, ['bomb.ts', 'ok.ts']);
    expect(out.get('bomb.ts')).toMatchObject({ ok: false, kind: 'compile-error', errors: [{ location: expect.stringMatching(/^link\d+\.ts:1:1$/), refusal: { kind: 'too-much', limit: 4 << 20 } }] });
    expect(out.get('ok.ts')?.ok).toBe(true);
  });

  it.skipIf(prlimitPath() === undefined)('a build that runs esbuild out of memory costs its own files only, and the next request builds', async () => {
    // Without the total bound, 60 MiB of source reach esbuild (about 8 bytes of its memory per byte); no time limit can end it first.
    const capped = createBundler({ memoryMb: 160, timeMs: 3_600_000, sources: { ...DEFAULT_SOURCE_LIMITS, maxTotalBytes: Number.MAX_SAFE_INTEGER } });
    try {
      const out = await capped.bundle(dir, ['bomb60.ts']);
      expect(out.get('bomb60.ts')).toMatchObject({ ok: false, kind: 'bundler', reason: 'crash' });
      expect((await capped.bundle(dir, ['ok.ts'])).get('ok.ts')?.ok).toBe(true);
    } finally {
      capped.close();
    }
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
    const unchecked = createBundler({ sources: { maxFileBytes: 8 << 20, maxDepth: Number.MAX_SAFE_INTEGER, maxTotalBytes: 64 << 20 } });
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
