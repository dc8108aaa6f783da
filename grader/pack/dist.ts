import { OverrideEntrySchema } from '../model/adjustments.js';
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import { ClassResultSchema } from '../model/class-results.js';
import { ManifestSchema } from '../model/manifest.js';
import { PublicCourseSchema } from '../model/public-course.js';
import { SubmissionResultSchema } from '../model/results.js';
import { SimilarityReportSchema } from '../model/similarity.js';
import { TFJS_SHIM } from '../load/bundle.js';
import { buildTfjsShim } from './tfjs-shim.js';
import { bundleGrader } from './bundle-grader.js';
import { helperCommand } from '../io/helper-process.js';
import type { LaunchRequest } from '../sandbox/launcher.js';
import { baseNodeArgs } from '../sandbox/launchers/node-args.js';
import { TRIAL_MEMORY_MB } from '../tf/rebuild-guard.js';
import { CHILD_BUNDLE, childBuildOptions } from '../sandbox/child-bundle.js';
import { FromChildSchema } from '../sandbox/protocol.js';
import { PRECOMPILED, standaloneValidators } from '../schema/validate.js';
import { PRECOMPILED_TEMPLATES, precompiledTemplates } from '../../reports/render.js';

/** Where the built grader goes, inside the package. */
export const DIST = 'dist';

/**
 * The build's stamp, in dist/: when it was built and from which sources, so that
 * bin/neurograde.mjs can tell in a few ms that a source was edited since (see bin/build-stamp.mjs).
 */
export const BUILD_STAMP = 'build-stamp.json';

/** The folders of the grader's own code (exercises/ and reference/ are the course: bundled per run). */
export const GRADER_FOLDERS = ['grader', 'reports'] as const;

/** Every module of the grader's own under `root`, tests aside, as package-relative paths. */
export function graderSources(root: string, folder: string = GRADER_FOLDERS[0]): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((d) => {
    const rel = `${folder}/${d.name}`;
    if (d.isDirectory()) return d.name === 'node_modules' || d.name === 'template' ? [] : graderSources(root, rel);
    return d.isFile() && d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') && !d.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/**
 * Every schema the grader validates with (`validator(...)`), by the name its callers give it:
 * precompiled at build time. One missing here is still validated, compiled at its first use.
 */
export const VALIDATED: Readonly<Record<string, TSchema>> = {
  ManifestSchema,
  SubmissionResultSchema,
  ClassResultSchema,
  SimilarityReportSchema,
  PublicCourseSchema,
  FromChildSchema,
  OverrideEntrySchema,
};

/**
 * Packages whose ES build is hundreds of small files, bundled into one module each under dist/
 * and imported from there by the built grader: TypeBox's 200 files took about 60 ms of every
 * start to load one by one, its bundle 4 ms. The sources (tests, tsx) import the package itself;
 * no exercise imports it, and TypeBox's markers are `Symbol.for` symbols, shared by any copy.
 */
export const VENDORED: Readonly<Record<string, string>> = { '@sinclair/typebox': 'vendor/typebox.js' };

/** Bundles each VENDORED package into `next`, and points the built `files` that import it at its bundle. */
async function vendor(root: string, next: string, files: readonly string[]): Promise<void> {
  await Promise.all(
    Object.entries(VENDORED).map(([pkg, out]) =>
      build({ stdin: { contents: `export * from ${JSON.stringify(pkg)};\n`, resolveDir: root, loader: 'js' }, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', outfile: join(next, out) }),
    ),
  );
  for (const file of files) {
    const js = join(next, file.replace(/\.ts$/, '.js'));
    const text = readFileSync(js, 'utf8');
    let edited = text;
    for (const [pkg, out] of Object.entries(VENDORED)) {
      const rel = relative(dirname(js), join(next, out)).split(sep).join('/');
      // esbuild writes every import with double quotes: `from "@sinclair/typebox"`.
      edited = edited.replaceAll(`from ${JSON.stringify(pkg)}`, `from ${JSON.stringify(rel.startsWith('.') ? rel : `./${rel}`)}`);
    }
    if (edited !== text) writeFileSync(js, edited);
  }
}

/**
 * The V8 flags of the processes that load tfjs, for its code cache: the grader (none), the
 * trial process (its heap cap) and a sandbox child with V8's own heap cap (a child with another
 * cap loads tfjs as usual).
 */
const TFJS_PROCESS_FLAGS: readonly (readonly string[])[] = [
  [],
  helperCommand({ script: 'host.js', memoryMb: TRIAL_MEMORY_MB }, { prlimit: undefined }).args.filter((a) => a.startsWith('--max-old-space-size=')),
  baseNodeArgs({ memoryMb: 4096 } as LaunchRequest, { defaultHeapMb: 4096 }),
];

export interface DistOptions {
  /** The package root the sources are read from. */
  readonly root: string;
  /** Where the JS goes. @default `<root>/dist` */
  readonly outDir?: string;
  /** Package-relative .ts files to build. @default every module of grader/ and reports/ but tests */
  readonly files?: readonly string[];
}

/**
 * Builds the grader into plain ES modules, one .js file per .ts file at the same relative path
 * under dist/ (imports already name `.js`), and the sandbox child runner bundled into one file
 * beside its module, ajv's standalone validators of every schema in VALIDATED, the report's
 * Handlebars templates precompiled and the VENDORED packages bundled, and the commands bundled
 * into a few chunks (dist/bundle/, see bundleGrader). The grader then starts without
 * transforming TypeScript: `bin/neurograde.mjs` runs the bundle, its forked scripts are the built ones. Types are only stripped: `tsc --noEmit`
 * checks them. Run by `npm run build` (the `prepare` script) and by `pack` for a student package.
 */
export async function buildDist(options: DistOptions): Promise<{ readonly files: number }> {
  const outDir = options.outDir ?? join(options.root, DIST);
  const files = options.files ?? GRADER_FOLDERS.flatMap((f) => graderSources(options.root, f));
  // Built aside, then swapped in: a command started meanwhile finds the old build or none (then
  // bin/neurograde.mjs runs the sources), never half of one.
  const next = `${outDir}.${process.pid}.next`;
  const old = `${outDir}.${process.pid}.old`;
  rmSync(next, { recursive: true, force: true });
  // Read before the sources are: a file saved while the build runs is newer than the stamp, so
  // the next command runs the sources rather than a build that may predate the edit. A source
  // dated in the future (a clock ahead) would make every build stale: the stamp is never older.
  const builtAt = Math.max(Date.now(), ...files.map((f) => statSync(join(options.root, f)).mtimeMs));
  const common = { absWorkingDir: options.root, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' } as const;
  try {
    await Promise.all([
      build({ ...common, entryPoints: [...files], outdir: next, outbase: options.root, bundle: false }),
      build({ ...childBuildOptions(join(options.root, 'grader', 'sandbox', 'child', 'main.ts')), outfile: join(next, 'grader', 'sandbox', CHILD_BUNDLE) }),
    ]);
    await vendor(options.root, next, files);
    await bundleGrader(next);
    writeFileSync(join(next, 'grader', 'schema', PRECOMPILED), standaloneValidators(Object.values(VALIDATED)));
    writeFileSync(join(next, 'reports', PRECOMPILED_TEMPLATES), precompiledTemplates());
    await buildTfjsShim({ root: options.root, dir: dirname(join(next, TFJS_SHIM)), codeCacheFlags: TFJS_PROCESS_FLAGS });
    writeFileSync(join(next, BUILD_STAMP), JSON.stringify({ builtAt, files }) + '\n');
  } catch (error) {
    // A failed build (a missing dependency of the validators, a syntax error) must not leave its
    // half-written folder beside the package: it was found in checkouts as dist.<pid>.next/.
    rmSync(next, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(next, outDir);
  rmSync(old, { recursive: true, force: true });
  return { files: files.length };
}
