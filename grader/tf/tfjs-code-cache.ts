/**
 * TensorFlow.js' largest files compiled from V8's code cache: tfjs-core, tfjs-layers,
 * tfjs-backend-cpu and the union, about 4.5 MB of JavaScript every grading process parses and
 * compiles at its start (the grader, the trial process, the sandbox child). With the cache made
 * at build time, loading them took 39 ms of CPU instead of 60 (child's flags, this machine).
 *
 * V8 accepts a cache only from the same V8 version and the same flags (`cachedDataVersionTag`:
 * a heap size or a GC flag changes it), so the build makes one per flag set the processes run
 * with, each in a folder named by its tag; a process with other flags finds none and loads as
 * usual. V8 checks a source's length, not its bytes: each file's size and modification time,
 * recorded beside the cache, must match too, else that file and those after it load as usual.
 * The cache is the build's, in the package (dist/vendor/tfjs/code-cache/): never written at
 * run time, so nothing a submission's code can touch ever reaches it.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cachedDataVersionTag } from 'node:v8';
import { Script } from 'node:vm';

/** Packages compiled from the cache, in the union's order of loading (each requires only earlier ones of them). */
export const CODE_CACHED = ['@tensorflow/tfjs-core', '@tensorflow/tfjs-layers', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs'] as const;

/** What a cache was made from: each file's size and modification time. */
interface Manifest {
  readonly files: Readonly<Record<string, { readonly size: number; readonly mtimeMs: number }>>;
}

const MANIFEST = 'manifest.json';
const cacheFile = (id: string): string => `${id.replace(/[@/]/g, '_')}.bin`;

/** Compiles and runs one CommonJS file as Node's loader does, into Node's module cache (before it runs, as Node does for cycles). */
function loadCompiled(file: string, cachedData?: Buffer): Script {
  const module = new Module(file) as Module & { filename: string; paths: string[]; loaded: boolean };
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const require = createRequire(file);
  require.cache[file] = module as unknown as NodeJS.Module;
  try {
    (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, file, dirname(file));
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  module.loaded = true;
  return script;
}

/**
 * Loads the CODE_CACHED packages not loaded yet from the cache under `dir` for this process's V8
 * tag; how many were compiled from it (0 without a cache for this tag). `require` resolves them.
 */
export function loadFromCodeCache(require: NodeJS.Require, dir: string): number {
  const tagDir = join(dir, String(cachedDataVersionTag()));
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(tagDir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return 0;
  }
  let used = 0;
  for (const id of CODE_CACHED) {
    const file = require.resolve(id);
    if (require.cache[file]) continue;
    const made = manifest.files?.[id];
    const stat = statSync(file, { throwIfNoEntry: false });
    // Another file than the cache was made from: it and the files after it load as usual.
    if (!made || !stat || stat.size !== made.size || stat.mtimeMs !== made.mtimeMs) break;
    let data: Buffer;
    try {
      data = readFileSync(join(tagDir, cacheFile(id)));
    } catch {
      break;
    }
    if (!loadCompiled(file, data).cachedDataRejected) used++;
  }
  return used;
}

/**
 * Makes the cache of this process's flags under `dir` (at build time, in a process started with
 * them): loads the CODE_CACHED packages, then writes what V8 compiled, the functions run at load
 * included, and those `warm` compiles. `require` resolves them; what they require is loaded as usual.
 */
export async function makeCodeCache(require: NodeJS.Require, dir: string, warm?: () => Promise<void>): Promise<void> {
  const scripts = CODE_CACHED.map((id) => {
    const file = require.resolve(id);
    const stat = statSync(file);
    return { id, made: { size: stat.size, mtimeMs: stat.mtimeMs }, script: loadCompiled(file) };
  });
  await warm?.();
  const tagDir = join(dir, String(cachedDataVersionTag()));
  mkdirSync(tagDir, { recursive: true });
  for (const { id, script } of scripts) writeFileSync(join(tagDir, cacheFile(id)), script.createCachedData());
  const manifest: Manifest = { files: Object.fromEntries(scripts.map(({ id, made }) => [id, made])) };
  // The manifest last, renamed into place: a cache is used only once whole.
  writeFileSync(join(tagDir, `${MANIFEST}.tmp`), JSON.stringify(manifest));
  renameSync(join(tagDir, `${MANIFEST}.tmp`), join(tagDir, MANIFEST));
}
