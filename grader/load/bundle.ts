import type { BuildOptions, Plugin, Message } from 'esbuild';

import { lstatSync, readFileSync, realpathSync, existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { builtinModules, createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_SOURCE_LIMITS, refuseSource, type SourceLimits, type SourceRefusal } from './source-limits.js';

/** A student file turned into one ES module, with its source map for stack traces. */
export type BundleOutcome =
  | {
      readonly ok: true;
      readonly code: string;
      readonly map: string;
      readonly files: readonly string[];
      /** What the bundle imports at run time (`node:fs`, the grader's tfjs): shared module state. */
      readonly externals: readonly string[];
    }
  | { readonly ok: false; readonly kind: 'missing'; readonly file: string }
  | { readonly ok: false; readonly kind: 'outside'; readonly file: string; readonly target: string }
  | { readonly ok: false; readonly kind: 'compile-error'; readonly errors: readonly CompileError[] }
  /** The bundler's process crashed or ran out of time on this file (see `createBundler`). */
  | { readonly ok: false; readonly kind: 'bundler'; readonly file: string; readonly reason: 'crash' | 'timeout'; readonly limitMs: number };

export interface CompileError {
  /** Submission-relative path, line and column (1-based), like `convolution.ts:3:14`. */
  readonly location: string;
  readonly text: string;
  readonly lineText?: string;
  /** Set when the file was refused before parsing (too large, nested too deep). */
  readonly refusal?: SourceRefusal;
}

const require = createRequire(import.meta.url);
// esbuild is loaded by the functions that build (in the bundler's own process): the grader,
// which imports this module for its types and PROVIDED, never loads it. Required, not imported:
// an ES import of its CommonJS file makes Node lex the file for export names first, about 10 ms
// of the bundler's start.
const esbuild = async (): Promise<typeof import('esbuild')> => require('esbuild') as typeof import('esbuild');

/** Packages a submission may import, resolved to the grader's own copy. */
export const PROVIDED: readonly string[] = ['@tensorflow/tfjs'];

/** Where the build puts the tfjs shim (grader/pack/tfjs-shim.ts), relative to dist/. */
export const TFJS_SHIM = 'vendor/tfjs/tfjs.mjs';
// Built, this file is dist/grader/load/bundle.js; run from its sources, there is no shim.
const shim = new URL(`../../${TFJS_SHIM}`, import.meta.url);
/** What bundles import for `@tensorflow/tfjs`: the built shim, else tfjs' own CommonJS file. */
export const TFJS_MODULE: string = existsSync(shim) ? shim.href : pathToFileURL(require.resolve('@tensorflow/tfjs')).href;
/** The shim's folder (it alone), which a child must be able to read; undefined without a build. */
export const TFJS_SHIM_DIR: string | undefined = existsSync(shim) ? realpathSync(dirname(fileURLToPath(shim))) : undefined;

function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/** Size and nesting of a file inside the submission, checked before esbuild parses it. */
function refuseFile(path: string, limits: SourceLimits): SourceRefusal | undefined {
  const stat = statSync(path);
  // A FIFO or a device would keep esbuild reading forever.
  if (!stat.isFile()) return { kind: 'not-a-file' };
  if (stat.size > limits.maxFileBytes) return { kind: 'too-large', bytes: stat.size, limit: limits.maxFileBytes };
  return refuseSource(readFileSync(path, 'utf8'), stat.size, limits);
}

function refusalText(refusal: SourceRefusal): string {
  switch (refusal.kind) {
    case 'too-large':
      return `${refusal.bytes} bytes, more than ${refusal.limit}`;
    case 'too-deep':
      return `nested more than ${refusal.limit} deep`;
    case 'too-much':
      return `more than ${refusal.limit} bytes of source in one build`;
    case 'not-a-file':
      return 'not a regular file';
  }
}

/**
 * Refuses any file whose real path leaves the submission, any package but the provided ones,
 * and any file too large or nested too deep for the bundler to parse safely.
 */
function confine(root: string, limits: SourceLimits): Plugin {
  // Bytes this build has read so far (esbuild loads each path once).
  let total = 0;
  return {
    name: 'neurograde-confine',
    setup(b) {
      b.onResolve({ filter: /^@tensorflow\/tfjs$/ }, () => ({
        path: TFJS_MODULE,
        external: true,
      }));
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const bare = args.path.replace(/^node:/, '');
        if (builtinModules.includes(bare)) return { path: `node:${bare}`, external: true };
        if (args.kind === 'entry-point') return undefined;
        return {
          errors: [{ text: `Cannot import "${args.path}": a submission may import only its own files and ${PROVIDED.join(', ')}.` }],
        };
      });
      b.onLoad({ filter: /.*/ }, (args) => {
        let real: string;
        try {
          real = realpathSync(args.path);
        } catch {
          return undefined;
        }
        if (!within(root, real)) {
          return { errors: [{ text: `"${relative(root, args.path)}" leads outside the submission folder.` }] };
        }
        // Past the build's total, one error says so and the files after it are not read.
        if (total > limits.maxTotalBytes) return { contents: '', loader: 'js' };
        total += statSync(real).size;
        const refusal = total > limits.maxTotalBytes ? { kind: 'too-much' as const, limit: limits.maxTotalBytes } : refuseFile(real, limits);
        if (refusal) {
          const text = refusalText(refusal);
          const line = refusal.kind === 'too-deep' ? refusal.line : 1;
          return { errors: [{ text, detail: refusal, location: { file: relative(root, real), line, column: 0 } }] };
        }
        return undefined;
      });
    },
  };
}

function location(root: string, m: Message): CompileError {
  const loc = m.location;
  if (!loc) return { location: '(submission)', text: m.text };
  const file = isAbsolute(loc.file) ? relative(root, loc.file) : loc.file;
  const refusal = m.detail as SourceRefusal | undefined;
  return { location: `${file}:${loc.line}:${loc.column + 1}`, text: m.text, ...(loc.lineText ? { lineText: loc.lineText.slice(0, 200) } : {}), ...(refusal ? { refusal } : {}) };
}

/**
 * What every build of a submission shares: one ES module per entry, a source map beside it, and
 * a fixed tsconfig: esbuild would otherwise read the submission's tsconfig.json and follow its
 * `extends` anywhere on the grader's disk (`/etc/passwd` shows up in the compile error).
 */
function buildOptions(root: string, limits: SourceLimits): BuildOptions & { write: false; metafile: true } {
  return {
    tsconfigRaw: '{}',
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    sourcemap: 'external',
    sourcesContent: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [confine(root, limits)],
  };
}

/** A missing entry, or one whose real path leaves the submission; undefined when it can be built. */
function checkEntry(root: string, file: string): BundleOutcome | undefined {
  const entry = join(root, file);
  if (!existsSync(entry)) {
    try {
      lstatSync(entry);
      return { ok: false, kind: 'outside', file, target: '(a broken link)' };
    } catch {
      return { ok: false, kind: 'missing', file };
    }
  }
  const real = realpathSync(entry);
  if (!within(root, real)) return { ok: false, kind: 'outside', file, target: real };
  return undefined;
}

type BuildResult = import('esbuild').BuildResult<{ write: false; metafile: true }>;

/** The module of one output of a build: its code, map, input files and run-time imports. */
function outputOf(result: BuildResult, root: string, jsPath: string): BundleOutcome {
  const js = result.outputFiles!.find((f) => f.path === jsPath)!;
  const map = result.outputFiles!.find((f) => f.path === `${jsPath}.map`)!;
  const meta = result.metafile!.outputs[relative(root, jsPath)]!;
  const externals = meta.imports.filter((i) => i.external).map((i) => i.path);
  return { ok: true, code: js.text, map: map.text, files: Object.keys(meta.inputs), externals: [...new Set(externals)] };
}

/** Starts esbuild's service (its Go process) ahead of the first build. */
export async function warmBundler(): Promise<void> {
  await (await esbuild()).transform('export {};', { loader: 'ts' });
}

/**
 * Bundles `file` of the submission and everything it imports into one ES module. The entry and
 * its imports must stay inside the folder once symlinks are resolved.
 */

export async function bundleSubmissionFile(submissionDir: string, file: string, limits: SourceLimits = DEFAULT_SOURCE_LIMITS): Promise<BundleOutcome> {
  const root = realpathSync(submissionDir);
  const refused = checkEntry(root, file);
  if (refused) return refused;
  const outfile = join(root, '__bundle__.mjs');
  try {
    return outputOf(await (await esbuild()).build({ ...buildOptions(root, limits), entryPoints: [join(root, file)], outfile }), root, outfile);
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    if (!errors) throw e;
    return { ok: false, kind: 'compile-error', errors: errors.map((m) => location(root, m)) };
  }
}

/**
 * Bundles several files of one submission, as `bundleSubmissionFile` does each, in one esbuild
 * build: a submission's seven exercises cost esbuild a third of the CPU time of seven builds.
 * When that build fails, each file is built alone, so that every compile error belongs to its
 * own file.
 */
export async function bundleSubmissionFiles(
  submissionDir: string,
  files: readonly string[],
  limits: SourceLimits = DEFAULT_SOURCE_LIMITS,
): Promise<ReadonlyMap<string, BundleOutcome>> {
  const root = realpathSync(submissionDir);
  const out = new Map<string, BundleOutcome>();
  const buildable: string[] = [];
  for (const file of new Set(files)) {
    const refused = checkEntry(root, file);
    if (refused) out.set(file, refused);
    else buildable.push(file);
  }
  if (buildable.length === 0) return out;
  // Outputs sit in the submission's folder, as the single build's does, so that source maps
  // name the student's files by the same relative paths. Nothing is written.
  const name = (i: number): string => `__neurograde_entry${i}__`;
  let result: BuildResult | undefined;
  try {
    const entryPoints = Object.fromEntries(buildable.map((file, i) => [name(i), join(root, file)]));
    result = await (await esbuild()).build({ ...buildOptions(root, limits), entryPoints, outdir: root, outExtension: { '.js': '.mjs' } });
  } catch (e) {
    if (!(e as { errors?: Message[] }).errors) throw e;
  }
  for (const [i, file] of buildable.entries()) {
    out.set(file, result ? outputOf(result, root, join(root, `${name(i)}.mjs`)) : await bundleSubmissionFile(root, file, limits));
  }
  return out;
}
