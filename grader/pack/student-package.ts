import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraderError } from '../model/errors.js';
import type { PublicCourse } from '../model/public-course.js';
import { PACKAGE_ROOT } from '../io/package.js';
import { PROVIDED } from '../load/bundle.js';
import { buildDist, DIST } from './dist.js';

/**
 * The commands and what they load by path (a new script started by path belongs here): the
 * child runner, esbuild's host process, the model rebuild's, the batch worker, the pack's
 * runtime. Only the grader modules these import go into a student's package: never exercises/
 * (checks and mistakes are code) nor reference/, nor grader modules that only the teacher's
 * checks use (the notes' sine windows, say, which solve an exercise).
 */
const ENTRIES = ['grader/cli/main.ts', 'grader/sandbox/child/main.ts', 'grader/load/bundler-host.ts', 'grader/tf/rebuild-host.ts', 'grader/batch/worker.ts', 'grader/pack/runtime.ts', 'grader/index.ts', 'grader/kit/index.ts'];
/** Folders whose non-TypeScript files (templates, schemas, the launcher) are read by path. */
const ASSET_FOLDERS = ['bin', 'grader', 'reports', 'schemas'];

/** Every non-TypeScript file of a folder, relative to the package root. */
function assets(folder: string): string[] {
  const abs = join(PACKAGE_ROOT, folder);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true }).flatMap((d) => {
    const rel = `${folder}/${d.name}`;
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : assets(rel);
    return d.isFile() && !d.name.endsWith('.ts') ? [rel] : [];
  });
}

/** The package a bare import names: `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
const packageOf = (spec: string): string => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

/**
 * The packages the shipped modules import, with the launcher's tsx and what a submission may
 * import: a student's package depends on those only (the class similarity's Dolos and its native
 * parsers, say, stay on the teacher's side).
 */
export async function shippedPackages(): Promise<Set<string>> {
  const result = await build({ absWorkingDir: PACKAGE_ROOT, entryPoints: ENTRIES, bundle: true, platform: 'node', format: 'esm', packages: 'external', write: false, metafile: true, outdir: 'unused', logLevel: 'silent' });
  // ajv and ajv-formats: the precompiled validators' runtime (validators.cjs requires them; validate.ts loads them by createRequire, which the metafile does not see).
  const used = new Set<string>(['tsx', 'ajv', 'ajv-formats', ...PROVIDED, '@tensorflow/tfjs-backend-wasm']);
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    // A class's similarity is the teacher's command; its Dolos and native parsers would make every student's install build them.
    if (file.startsWith('grader/similarity/')) continue;
    for (const i of input.imports) if (i.external && !i.path.startsWith('node:') && !i.path.startsWith('.')) used.add(packageOf(i.path));
  }
  return used;
}

/** The package-relative files a student's package ships: the entries' import closure and the assets. */
export async function shippedFiles(): Promise<string[]> {
  const result = await build({
    absWorkingDir: PACKAGE_ROOT,
    entryPoints: ENTRIES,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    outdir: 'unused',
    logLevel: 'silent',
  });
  const sources = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
  const stray = sources.filter((f) => /^(exercises|reference)\//.test(f));
  if (stray.length > 0) throw new GraderError('PACK_FAILED', `The grader's commands import course code, which a student package must not hold: ${stray.join(', ')}`);
  return [...new Set([...sources, ...ASSET_FOLDERS.flatMap(assets)])].sort();
}

interface MainPackage {
  readonly version: string;
  readonly license?: string;
  readonly engines?: Record<string, string>;
  readonly dependencies: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, unknown>;
}

export interface StudentPackage {
  /** The tarball's file name, e.g. neurograde-0.1.0.tgz. */
  readonly file: string;
  readonly bytes: number;
}

/**
 * Writes the student's grader package, an npm tarball, into `dir`: the grader with the course as
 * data (public checks, their cases and outputs, the known mistakes' outputs on them). A student
 * repository depends on it as `file:<dir>/<tarball>`, so `npm install` finds it in the
 * repository itself: no registry publication, and nothing of the teacher's side in it.
 */
export async function writeStudentPackage(dir: string, course: PublicCourse): Promise<StudentPackage> {
  const main = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as MainPackage;
  const stage = mkdtempSync(join(tmpdir(), 'neurograde-student-package-'));
  try {
    const [files, used] = await Promise.all([shippedFiles(), shippedPackages()]);
    for (const f of files) cpSync(join(PACKAGE_ROOT, f), join(stage, f));
    // The commands run built JS (see buildDist), built here from the shipped sources alone.
    await buildDist({ root: PACKAGE_ROOT, outDir: join(stage, DIST), files: files.filter((f) => f.endsWith('.ts')) });
    writeFileSync(join(stage, 'public-course.json'), JSON.stringify(course));
    const pkg = {
      name: 'neurograde',
      version: main.version,
      description: "neurograde for students: the course's public checks as data, no reference solution and no hidden check.",
      type: 'module',
      license: main.license ?? 'MIT',
      bin: { neurograde: 'bin/neurograde.mjs' },
      engines: main.engines ?? { node: '>=20.10' },
      dependencies: Object.fromEntries(Object.entries(main.dependencies).filter(([name]) => used.has(name))),
      ...(main.peerDependencies ? { peerDependencies: main.peerDependencies } : {}),
      ...(main.peerDependenciesMeta ? { peerDependenciesMeta: main.peerDependenciesMeta } : {}),
      exports: {
        '.': { types: './grader/index.ts', default: `./${DIST}/grader/index.js` },
        './kit': { types: './grader/kit/index.ts', default: `./${DIST}/grader/kit/index.js` },
        './package.json': './package.json',
      },
      files: [...ASSET_FOLDERS, DIST, 'public-course.json', 'README.md'],
    };
    writeFileSync(join(stage, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
    writeFileSync(
      join(stage, 'README.md'),
      '# neurograde (student package)\n\n`npx neurograde check` runs the public checks of the course on your files and names the known mistakes.\n' +
        'It holds the public cases and their expected outputs as data: no reference solution, no hidden check.\n',
    );
    mkdirSync(dir, { recursive: true });
    const npm = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: stage, encoding: 'utf8', shell: process.platform === 'win32' });
    if (npm.status !== 0) throw new GraderError('PACK_FAILED', `npm pack of the student package failed (exit ${npm.status ?? npm.signal}): ${(npm.stderr || npm.error?.message || '').trim().slice(0, 2000)}`);
    const [info] = JSON.parse(npm.stdout) as { filename: string; size: number }[];
    return { file: info!.filename, bytes: info!.size };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
