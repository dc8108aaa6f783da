/**
 * The modules submissions, exercises and the grader load TensorFlow.js through once built, in
 * dist/vendor/tfjs/ (see grader/load/bundle.ts and grader/tf/tfjs.ts):
 * - `tfjs.cjs`: tfjs' union with tfjs-converter, tfjs-data and tfjs-backend-webgl loaded on first
 *   use (grader/tf/tfjs-lazy.ts, bundled beside it as `tfjs-lazy.cjs`), their names and versions
 *   listed here;
 * - `tfjs.mjs`: the ES module bundles import, which requires `tfjs.cjs` and re-exports its names,
 *   listed here. Importing tfjs' CommonJS build directly makes Node lex tfjs-core, tfjs-layers and
 *   the backends' sources for their export names (cjs-module-lexer), about 0.2-0.3 s of CPU in
 *   every process that does: the sandbox child and the grader. A name of a lazy package is
 *   exported as a stand-in of its value (`lazyValue`), so that importing the shim loads none of
 *   them; every other name is the very object tfjs' `module.exports` holds.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { LAZY_PACKAGES, listLazyPackages, type LazyPackage } from '../tf/tfjs-lazy.js';

/** The files of the shim, in its folder. */
export const TFJS_SHIM_FILES = { esm: 'tfjs.mjs', union: 'tfjs.cjs', lazy: 'tfjs-lazy.cjs', codeCache: 'code-cache' } as const;

/** The packages the union takes its names from that are always loaded (the others are LAZY_PACKAGES). */
const EAGER_PACKAGES = ['@tensorflow/tfjs-core', '@tensorflow/tfjs-layers', '@tensorflow/tfjs-backend-cpu'] as const;

/** How the union's names are exported by the ES shim: read at import, or stood in for until first use. */
function exportsOf(root: string, listed: Readonly<Record<string, LazyPackage>>): { readonly name: string; readonly lazy?: 'function' | 'object' }[] {
  const require = createRequire(createRequire(join(root, 'package.json')).resolve('@tensorflow/tfjs'));
  const tf = require('@tensorflow/tfjs') as Record<string, unknown>;
  const eager = EAGER_PACKAGES.map((id) => require(id) as Record<string, unknown>);
  const versions = new Set(Object.values(listed).map((l) => l.versionName));
  return Object.keys(tf)
    .filter((n) => n !== 'default' && n !== '__esModule')
    .map((name) => {
      // The union's own objects (`data` reads its members lazily, `version` the listed versions)
      // and a lazy package's version are read without loading it.
      if (name === 'data' || name === 'version' || versions.has(name)) return { name };
      if (eager.some((m) => Object.hasOwn(m, name) && m[name] === tf[name])) return { name };
      const kind = typeof tf[name];
      if (kind !== 'function' && kind !== 'object') throw new Error(`tfjs' ${name} (a ${kind} of a lazily loaded package) cannot be stood in for`);
      return { name, lazy: kind };
    });
}

/** The ES shim's source. */
function esmShim(names: readonly { readonly name: string; readonly lazy?: 'function' | 'object' }[]): string {
  const lines = names.map(({ name, lazy }, i) =>
    lazy ? `const _${i} = lazyValue(${JSON.stringify(lazy)}, () => tf[${JSON.stringify(name)}]);` : `const _${i} = tf[${JSON.stringify(name)}];`,
  );
  return [
    '// Built by grader/pack/tfjs-shim.ts: tfjs through require (no CommonJS lexing at import).',
    "import { createRequire } from 'node:module';",
    'const require = createRequire(import.meta.url);',
    `const tf = require('./${TFJS_SHIM_FILES.union}');`,
    `const { lazyValue } = require('./${TFJS_SHIM_FILES.lazy}');`,
    'export default tf;',
    ...lines,
    `export { ${names.map(({ name }, i) => `_${i} as ${JSON.stringify(name)}`).join(', ')} };`,
    '',
  ].join('\n');
}

export interface TfjsShimOptions {
  /** The package root: tfjs' names and versions are read from its node_modules. */
  readonly root: string;
  /** The folder the shim's files go to (dist/vendor/tfjs/). */
  readonly dir: string;
  /**
   * An absolute path tfjs is resolved from at run time. @default the shim's own file (tfjs found
   * from the folder it is built in, as in dist/)
   */
  readonly resolveFrom?: string;
  /**
   * The V8 flags of each kind of process that loads tfjs (the grader, the trial process, the
   * sandbox child): tfjs' code cache is made for each (grader/tf/tfjs-code-cache.ts). @default none
   */
  readonly codeCacheFlags?: readonly (readonly string[])[];
}

/** Makes tfjs' code cache for each set of flags, each in a fresh node started with them. */
function makeCodeCaches(options: TfjsShimOptions, lazy: { readonly from: string; readonly listed: unknown }): void {
  const call = `require(${JSON.stringify(join(options.dir, TFJS_SHIM_FILES.lazy))}).makeLazyTfjsCodeCache(${JSON.stringify({ ...lazy, codeCache: join(options.dir, TFJS_SHIM_FILES.codeCache) })})`;
  // Flags meant for the build's own node (a loader) would change nothing V8 checks, or break the run.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_OPTIONS'));
  for (const flags of options.codeCacheFlags ?? []) {
    const r = spawnSync(process.execPath, [...flags, '-e', call], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tfjs' code cache for node ${flags.join(' ')}: ${r.stderr || r.error?.message}`);
  }
}

/** Writes the shim's files into `options.dir`. */
export async function buildTfjsShim(options: TfjsShimOptions): Promise<void> {
  const listed = listLazyPackages(join(options.root, 'package.json'));
  for (const id of LAZY_PACKAGES) if (!listed[id]) throw new Error(`${id} not listed`);
  mkdirSync(options.dir, { recursive: true });
  await build({
    entryPoints: [join(options.root, 'grader', 'tf', 'tfjs-lazy.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    outfile: join(options.dir, TFJS_SHIM_FILES.lazy),
  });
  const from = options.resolveFrom === undefined ? '__filename' : JSON.stringify(options.resolveFrom);
  writeFileSync(
    join(options.dir, TFJS_SHIM_FILES.union),
    [
      '// Built by grader/pack/tfjs-shim.ts: tfjs with its parts a grading never uses loaded on first use (grader/tf/tfjs-lazy.ts).',
      `const codeCache = require('node:path').join(__dirname, ${JSON.stringify(TFJS_SHIM_FILES.codeCache)});`,
      `module.exports = require('./${TFJS_SHIM_FILES.lazy}').requireLazyTfjs({ from: ${from}, listed: ${JSON.stringify(listed)}, codeCache });`,
      '',
    ].join('\n'),
  );
  writeFileSync(join(options.dir, TFJS_SHIM_FILES.esm), esmShim(exportsOf(options.root, listed)));
  // tfjs as the package root has it: a build outside the package (a student package's) cannot
  // resolve it from its folder; its cache is then of files its install may not have (unused).
  makeCodeCaches(options, { from: options.resolveFrom ?? join(options.root, 'package.json'), listed });
}
