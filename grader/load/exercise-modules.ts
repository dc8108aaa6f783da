import type { Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ownModule } from '../io/package.js';
import { TFJS_MODULE } from './bundle.js';

/**
 * The grader's own modules an exercise may import by the package's name: the exercise gets the
 * very module the running grader uses (the bundle's entry when the grader runs bundled, the
 * built module under dist/ when a forked script runs it, its source in tests), so a check and the
 * grader share one kit.
 */
const OWN: Readonly<Record<string, string>> =
  typeof NEUROGRADE_BUNDLE_URL === 'string'
    ? {
        neurograde: fileURLToPath(new URL('./index.js', NEUROGRADE_BUNDLE_URL)),
        'neurograde/kit': fileURLToPath(new URL('./kit.js', NEUROGRADE_BUNDLE_URL)),
        'neurograde/kit/models': fileURLToPath(new URL('./kit-models.js', NEUROGRADE_BUNDLE_URL)),
      }
    : {
        neurograde: ownModule(import.meta.url, '../index'),
        'neurograde/kit': ownModule(import.meta.url, '../kit/index'),
        'neurograde/kit/models': ownModule(import.meta.url, '../kit/models'),
      };

/** Where the bundled grader runs from (grader/pack/bundle-grader.ts defines it there); undeclared in every other build. */
declare const NEUROGRADE_BUNDLE_URL: string | undefined;

const SKIP = Symbol('resolved by the grader');

/**
 * Bare imports stay imports of the grader's own copies (the kit, tfjs, fast-check): one
 * instance of each in the grader's process. A package only the course folder has is bundled in.
 * tfjs is imported as the student bundles import it (TFJS_MODULE, the built shim): importing
 * tfjs' CommonJS file itself made Node lex it and its packages for export names, about 0.1 s of
 * the grader's CPU at every check of a models exercise.
 */
const graderImports: Plugin = {
  name: 'grader-imports',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === SKIP) return undefined;
      if (args.path.startsWith('node:') || builtinModules.includes(args.path)) return { path: args.path, external: true };
      const own = OWN[args.path];
      if (own) return { path: pathToFileURL(own).href, external: true };
      if (args.path === '@tensorflow/tfjs') return { path: TFJS_MODULE, external: true };
      const r = await b.resolve(args.path, { kind: args.kind, resolveDir: import.meta.dirname, pluginData: SKIP });
      if (r.errors.length === 0 && r.path && !r.external) return { path: pathToFileURL(r.path).href, external: true };
      return undefined;
    });
  },
};

/** What bundling gave each entry: the URL of its module, or esbuild's first error. */
export type ModuleOutcome = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly message: string };

/** Writes a file unless it is there already (or `replace`): written to a temporary name, then renamed. */
function writeOnce(file: string, text: string, options: { readonly replace?: boolean } = {}): void {
  if (!options.replace && existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

const firstError = (e: unknown): string => {
  const errors = (e as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] }).errors;
  const first = errors?.[0];
  if (!first) return (e as Error).message.split('\n')[0]!;
  return first.location ? `${first.location.file}:${first.location.line}:${first.location.column}: ${first.text}` : first.text;
};

/**
 * What one bundling read, by content: each input file's bytes and the names beside it (a file
 * added next to an import can change what the import resolves to), under the grader's own
 * modules and esbuild's version. Equal fingerprints give the same bundle.
 */
function inputsFingerprint(entries: Readonly<Record<string, string>>, inputs: readonly string[], esbuild: string): string | undefined {
  const hash = createHash('sha256').update(`neurograde-exercise-modules/1\0${esbuild}\0${import.meta.url}\0${JSON.stringify(OWN)}\0${TFJS_MODULE}\0${JSON.stringify(entries)}\0`);
  try {
    for (const dir of [...new Set(inputs.map((f) => dirname(f)))].sort()) hash.update(`dir\0${dir}\0${readdirSync(dir).sort().join('/')}\0`);
    for (const f of [...inputs].sort()) hash.update(`file\0${f}\0`).update(readFileSync(f)).update('\0');
  } catch {
    // An input gone since (a course folder being edited): no fingerprint, so no reuse.
    return undefined;
  }
  return hash.digest('hex');
}

/** The record of an earlier bundling of the same entries: the inputs it read, their fingerprint, and where its modules went. */
interface BundleRecord {
  readonly inputs: readonly string[];
  readonly fingerprint: string;
  readonly dir: string;
}

const recordFile = (entries: Readonly<Record<string, string>>, cacheDir: string): string =>
  join(cacheDir, 'index', `${createHash('sha256').update(`${import.meta.url}\0${JSON.stringify(OWN)}\0${JSON.stringify(entries)}`).digest('hex').slice(0, 24)}.json`);

/**
 * The modules of an earlier bundling of the same entries when nothing it read has changed since
 * (same bytes, same neighbours) and its files are still there: no esbuild at all, about 2 ms
 * instead of esbuild's start and build. Anything else (no record, a changed file, a torn record): undefined.
 */
function reuse(entries: Readonly<Record<string, string>>, cacheDir: string, esbuild: string): Map<string, ModuleOutcome> | undefined {
  let record: BundleRecord;
  try {
    record = JSON.parse(readFileSync(recordFile(entries, cacheDir), 'utf8')) as BundleRecord;
  } catch {
    return undefined;
  }
  if (!Array.isArray(record?.inputs) || typeof record.dir !== 'string' || record.fingerprint !== inputsFingerprint(entries, record.inputs, esbuild)) return undefined;
  if (!Object.keys(entries).every((out) => existsSync(join(record.dir, `${out}.mjs`)))) return undefined;
  return new Map(Object.keys(entries).map((out) => [out, { ok: true, url: pathToFileURL(join(record.dir, `${out}.mjs`)).href }]));
}

async function bundleTogether(entries: Readonly<Record<string, string>>, cacheDir: string): Promise<Map<string, ModuleOutcome>> {
  // esbuild's version from its package.json: loading esbuild itself (and starting its service) is for a build only.
  const version = (createRequire(import.meta.url)('esbuild/package.json') as { version: string }).version;
  const known = reuse(entries, cacheDir, version);
  if (known) return known;
  const { build } = await import('esbuild');
  const started = Date.now();
  const result = await build({
    entryPoints: Object.entries(entries).map(([out, path]) => ({ in: path, out })),
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: '/neurograde-exercise',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [graderImports],
  });
  const hash = createHash('sha256');
  for (const f of result.outputFiles) hash.update(f.path).update('\0').update(f.text).update('\0');
  const dir = join(cacheDir, hash.digest('hex').slice(0, 16));
  for (const f of result.outputFiles) writeOnce(join(dir, f.path.slice('/neurograde-exercise/'.length)), f.text);
  // Input paths are relative to esbuild's working folder; a module the grader provides is not an input.
  const inputs = Object.keys(result.metafile.inputs).map((f) => (f.startsWith('file:') ? fileURLToPath(f) : resolve(f)));
  // A file saved while esbuild read it may differ from what it read: no record then, built again next time.
  const steady = inputs.every((f) => (statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < started);
  const fingerprint = steady ? inputsFingerprint(entries, inputs, version) : undefined;
  if (fingerprint) writeOnce(recordFile(entries, cacheDir), JSON.stringify({ inputs, fingerprint, dir } satisfies BundleRecord), { replace: true });
  return new Map(Object.keys(entries).map((out) => [out, { ok: true, url: pathToFileURL(join(dir, `${out}.mjs`)).href }]));
}

/** Where exercises' bundles are kept by default: shared by graders side by side and reruns. */
export const exerciseCacheDir = (): string => join(tmpdir(), 'neurograde-exercises');

/**
 * Bundles an exercise's modules (its checks, its mistakes, its reference), TypeScript as the
 * teacher saved it, into ES modules the grader imports: no TypeScript loader in the grader's
 * process, and a course folder works as soon as it is saved. The entries share chunks, so a
 * check and the reference it calls hold one copy of the reference. The files go into a folder
 * named by their hash (graders side by side and reruns reuse it). An entry that does not build
 * gets esbuild's first error, with its file and line; the others are bundled alone.
 * @param entries output name -> absolute path of the .ts module
 * @param cacheDir @default `<os tmpdir>/neurograde-exercises`
 */
export async function bundleExerciseModules(entries: Readonly<Record<string, string>>, cacheDir = exerciseCacheDir()): Promise<Map<string, ModuleOutcome>> {
  try {
    return await bundleTogether(entries, cacheDir);
  } catch {
    const out = new Map<string, ModuleOutcome>();
    for (const [name, path] of Object.entries(entries)) {
      try {
        out.set(name, (await bundleTogether({ [name]: path }, cacheDir)).get(name)!);
      } catch (e) {
        out.set(name, { ok: false, message: firstError(e) });
      }
    }
    return out;
  }
}
