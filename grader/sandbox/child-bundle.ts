import type { BuildOptions } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The child runner's file name beside this module once built (see grader/pack/dist.ts). */
export const CHILD_BUNDLE = 'child.bundle.mjs';

/** How the child runner is bundled: one ES module with every dependency inside. */
export const childBuildOptions = (entry: string): BuildOptions => ({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'silent',
});

/** The runner's code: bundled at build time beside this module, or now, from its sources. */
async function childCode(): Promise<string> {
  const built = join(here, CHILD_BUNDLE);
  if (existsSync(built)) return readFileSync(built, 'utf8');
  // Only from the sources: the built grader never loads esbuild for its child.
  const { build } = await import('esbuild');
  const result = await build({ ...childBuildOptions(join(here, 'child', 'main.ts')), write: false });
  return result.outputFiles[0]!.text;
}

/**
 * Copies the child runner, one .mjs file, into `cacheDir` and returns its path. The name carries
 * a hash of the bundle, so concurrent graders and old versions never read each other's file, and
 * writing it twice is harmless (write to a temporary name, then rename).
 * @param cacheDir where to keep it. @default `<os tmpdir>/neurograde-child`
 */
export async function childScript(cacheDir = join(tmpdir(), 'neurograde-child')): Promise<string> {
  const code = await childCode();
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const dir = join(cacheDir, hash);
  const file = join(dir, 'child.mjs');
  if (existsSync(file) && readFileSync(file, 'utf8') === code) return file;
  mkdirSync(dir, { recursive: true });
  // As root, children run as nobody: the runner must be readable by others whatever the umask.
  for (const d of [cacheDir, dir]) {
    try {
      chmodSync(d, 0o755);
    } catch {
      // Another user's folder: its owner chose its mode.
    }
  }
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, code, { mode: 0o644 });
  chmodSync(tmp, 0o644);
  renameSync(tmp, file);
  return file;
}
