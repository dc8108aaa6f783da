import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { GraderError } from '../model/errors.js';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadExercises, type ExerciseRoots } from '../load/exercises.js';
import { childScript } from '../sandbox/child-bundle.js';
import { plainLauncher, type Launcher } from '../sandbox/launcher.js';
import type { GradingEnvironment } from './grade-submission.js';

/** The package root: where exercises/, reference/ and node_modules/ are. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface EnvironmentOptions {
  /** @default the package's own exercises/ and reference/ */
  readonly roots?: ExerciseRoots;
  /** Only these exercises. @default all */
  readonly only?: readonly string[];
  /** @default the best isolation this machine offers */
  readonly launcher?: Launcher;
}

/**
 * The exercises and references of a course folder (`<dir>/exercises`, `<dir>/reference`).
 * A missing folder is a GraderError with code BAD_CONFIG.
 */
export function courseRoots(dir: string): ExerciseRoots {
  const root = resolve(dir);
  const roots = { exercisesDir: join(root, 'exercises'), referenceDir: join(root, 'reference') };
  for (const d of Object.values(roots)) {
    if (!existsSync(d)) throw new GraderError('BAD_CONFIG', `The course folder ${root} has no ${basename(d)}/ folder`);
  }
  return roots;
}

/** The folders a child may read besides its own script: the packages a submission may import. */
export function dependencyPaths(): string[] {
  const require = createRequire(import.meta.url);
  const tfjs = require.resolve('@tensorflow/tfjs');
  const nodeModules = tfjs.slice(0, tfjs.lastIndexOf('/node_modules/') + '/node_modules'.length);
  return [nodeModules];
}

/** Loads the exercises and prepares the sandbox once, for any number of submissions. */
export async function createEnvironment(options: EnvironmentOptions = {}): Promise<GradingEnvironment> {
  const roots = options.roots ?? { exercisesDir: join(PACKAGE_ROOT, 'exercises'), referenceDir: join(PACKAGE_ROOT, 'reference') };
  const [exercises, script] = await Promise.all([loadExercises(roots, options.only), childScript()]);
  const version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    exercises,
    launcher: options.launcher ?? plainLauncher,
    childScript: script,
    readPaths: [dirname(script), ...dependencyPaths()],
    version,
  };
}
