import { build, transform, type Plugin } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The bundle's folder under dist/: the grader's commands as a few ES modules, not 280. */
export const BUNDLE = 'bundle';

/**
 * The bundle's entries, by output name (`dist/bundle/<name>.js`): the command line, and what an
 * exercise imports by the package's name (see grader/load/exercise-modules.ts), so that the
 * exercises a bundled grader loads share its one copy of the kit.
 */
export const BUNDLE_ENTRIES: Readonly<Record<string, string>> = {
  main: 'grader/cli/main.js',
  index: 'grader/index.js',
  kit: 'grader/kit/index.js',
  'kit-models': 'grader/kit/models.js',
};

/**
 * The name a built module reads to know it runs from the bundle, and where: the bundle's own URL
 * there, undeclared elsewhere (`typeof NEUROGRADE_BUNDLE_URL === 'string'` tells them apart).
 */
export const BUNDLE_URL_NAME = 'NEUROGRADE_BUNDLE_URL';

/**
 * `import.meta` of a bundled module would be its chunk's, in dist/bundle/: every built module
 * finds its files (validators, templates, the child runner, the scripts it forks, the package
 * root) from its own place under dist/. Each one gets back its own URL, computed from the
 * chunk's at run time, so the bundle still works wherever the package is unpacked. esbuild's
 * `define` replaces code, never a string that reads `import.meta.url` (the tfjs shim's source).
 */
function ownMeta(dist: string, outDir: string): Plugin {
  const filter = new RegExp(`^${dist.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*\\.js$`);
  return {
    name: 'own-import-meta',
    setup(b) {
      b.onLoad({ filter }, async (args) => {
        const text = readFileSync(args.path, 'utf8');
        const usesMeta = text.includes('import.meta');
        const usesBundle = text.includes(BUNDLE_URL_NAME);
        if (!usesMeta && !usesBundle) return { contents: text, loader: 'js' };
        const { code } = usesMeta
          ? await transform(text, { define: { 'import.meta.url': '__ngOwnUrl', 'import.meta.dirname': '__ngOwnDir', 'import.meta.filename': '__ngOwnFile' }, format: 'esm', loader: 'js', target: 'node20' })
          : { code: text };
        const rel = relative(outDir, args.path).split(sep).join('/');
        const prelude = [
          ...(usesMeta
            ? [
                `import { fileURLToPath as __ngFileURLToPath } from 'node:url';`,
                `const __ngOwnUrl = new URL(${JSON.stringify(rel)}, import.meta.url).href;`,
                `const __ngOwnFile = __ngFileURLToPath(__ngOwnUrl);`,
                `const __ngOwnDir = __ngFileURLToPath(new URL('.', __ngOwnUrl)).replace(/[\\\\/]$/, '');`,
              ]
            : []),
          ...(usesBundle ? [`const ${BUNDLE_URL_NAME} = import.meta.url;`] : []),
        ];
        return { contents: `${prelude.join('\n')}\n${code}`, loader: 'js' };
      });
    },
  };
}

/**
 * Bundles the built modules under `dist` (one .js per source) into dist/bundle/: the entries of
 * BUNDLE_ENTRIES that the build holds and the chunks they share, all in one folder. Loading 280 small modules one by
 * one cost a command most of its start (each read, resolved, compiled and linked apart); the
 * same code in a few chunks loads in about half the CPU. Packages stay imports (node_modules),
 * dynamic imports stay lazy chunks (reports, rare commands). The per-module build stays beside
 * it: the scripts the grader forks (the batch worker, the bundler's host) and a student
 * package's `neurograde/kit` run from there.
 */
export async function bundleGrader(dist: string, entries: Readonly<Record<string, string>> = BUNDLE_ENTRIES): Promise<void> {
  const outDir = join(dist, BUNDLE);
  // A student package's build holds part of the grader (no models kit without a models exercise).
  const present = Object.entries(entries).filter(([, path]) => existsSync(join(dist, path)));
  if (present.length === 0) return;
  await build({
    entryPoints: present.map(([out, path]) => ({ in: join(dist, path), out })),
    bundle: true,
    splitting: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: outDir,
    chunkNames: 'chunk-[hash]',
    logLevel: 'warning',
    plugins: [ownMeta(dist, outDir)],
  });
}
