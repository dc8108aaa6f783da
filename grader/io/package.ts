import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The first folder at or above `dir` that holds a package.json. */
function packageRootAbove(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return dir;
  }
}

/**
 * The package root: where exercises/, reference/, reports/ and node_modules/ are. The grader
 * runs from its sources (tests, a checkout without a build) or from dist/ (the built JS): the
 * root is found from the package.json above this module, not from a fixed depth.
 */
export const PACKAGE_ROOT = packageRootAbove(join(import.meta.dirname, '..', '..'));

/** The grader's version from its package.json. */
export function graderVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * npm's records of the packages installed where the grader imports them from: its own
 * node_modules/, and the node_modules/ folders it is installed in (a dependency's packages may be
 * hoisted there).
 */
function installRecords(root: string): string[] {
  const records = [join(root, 'node_modules', '.package-lock.json')];
  for (let d = dirname(root); dirname(d) !== d; d = dirname(d)) if (basename(d) === 'node_modules') records.push(join(d, '.package-lock.json'));
  return records.filter((f) => existsSync(f));
}

/**
 * Names the built grader's code and what it runs on: its version, its build's stamp (new at
 * every build), npm's record of the installed packages (fast-check's version decides a property
 * check's inputs), and Node's version (V8's Math may round otherwise). Undefined when a part is
 * unknown (no stamp, packages installed by another tool): what would be keyed by it is then not kept.
 * @param root @default the package root
 */
export function graderBuild(root: string = PACKAGE_ROOT): string | undefined {
  const records = installRecords(root);
  const stamp = join(root, 'dist', 'build-stamp.json');
  if (records.length === 0 || !existsSync(stamp)) return undefined;
  const hash = createHash('sha256').update(`neurograde-build/1\0${process.version}\0`);
  try {
    for (const f of [join(root, 'package.json'), stamp, ...records]) {
      const bytes = readFileSync(f);
      hash.update(`${bytes.length}\0`).update(bytes);
    }
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

/** True when the module at `moduleUrl` (its import.meta.url) is TypeScript run through a loader (tsx, vitest), not the built JS. */
export const fromSources = (moduleUrl: string): boolean => extname(fileURLToPath(moduleUrl)) === '.ts';

/** A module of the grader's own, `name` without extension, beside the module at `moduleUrl`: the built .js, or the .ts source when run from sources. */
export function ownModule(moduleUrl: string, name: string): string {
  const file = fileURLToPath(moduleUrl);
  return join(dirname(file), `${name}${extname(file)}`);
}

/**
 * How to fork a script of the grader's own (the batch worker, the bundler's host) beside the
 * module at `moduleUrl`: the built .js as it is, or, when the grader runs from its sources, the
 * .ts source with tsx's loader.
 */
export function forkable(moduleUrl: string, name: string): { readonly script: string; readonly execArgv: readonly string[] } {
  const script = ownModule(moduleUrl, name);
  if (!fromSources(moduleUrl)) return { script, execArgv: [] };
  return { script, execArgv: ['--import', pathToFileURL(createRequire(moduleUrl).resolve('tsx/esm')).href] };
}
