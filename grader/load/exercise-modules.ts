import { build, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ownModule } from '../io/package.js';

/**
 * The grader's own modules an exercise may import by the package's name: the exercise gets the
 * very module the running grader uses (the built one under dist/, or its source in tests), so a
 * check and the grader share one kit.
 */
const OWN: Readonly<Record<string, string>> = {
  neurograde: ownModule(import.meta.url, '../index'),
  'neurograde/kit': ownModule(import.meta.url, '../kit/index'),
  'neurograde/kit/models': ownModule(import.meta.url, '../kit/models'),
};

const SKIP = Symbol('resolved by the grader');

/**
 * Bare imports stay imports of the grader's own copies (the kit, tfjs, fast-check): one
 * instance of each in the grader's process. A package only the course folder has is bundled in.
 */
const graderImports: Plugin = {
  name: 'grader-imports',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === SKIP) return undefined;
      if (args.path.startsWith('node:') || builtinModules.includes(args.path)) return { path: args.path, external: true };
      const own = OWN[args.path];
      if (own) return { path: pathToFileURL(own).href, external: true };
      const r = await b.resolve(args.path, { kind: args.kind, resolveDir: import.meta.dirname, pluginData: SKIP });
      if (r.errors.length === 0 && r.path && !r.external) return { path: pathToFileURL(r.path).href, external: true };
      return undefined;
    });
  },
};

/** What bundling gave each entry: the URL of its module, or esbuild's first error. */
export type ModuleOutcome = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly message: string };

/** Writes a file unless it is there already: written to a temporary name, then renamed. */
function writeOnce(file: string, text: string): void {
  if (existsSync(file)) return;
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

async function bundleTogether(entries: Readonly<Record<string, string>>, cacheDir: string): Promise<Map<string, ModuleOutcome>> {
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
    logLevel: 'silent',
    plugins: [graderImports],
  });
  const hash = createHash('sha256');
  for (const f of result.outputFiles) hash.update(f.path).update('\0').update(f.text).update('\0');
  const dir = join(cacheDir, hash.digest('hex').slice(0, 16));
  for (const f of result.outputFiles) writeOnce(join(dir, f.path.slice('/neurograde-exercise/'.length)), f.text);
  return new Map(Object.keys(entries).map((out) => [out, { ok: true, url: pathToFileURL(join(dir, `${out}.mjs`)).href }]));
}

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
export async function bundleExerciseModules(entries: Readonly<Record<string, string>>, cacheDir = join(tmpdir(), 'neurograde-exercises')): Promise<Map<string, ModuleOutcome>> {
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
