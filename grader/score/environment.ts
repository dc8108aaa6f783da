import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
