import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { hashFile, hashParts, hashTree } from '../batch/hash.js';
import { PUBLIC_COURSE } from '../execute/environment.js';
import { graderVersion, PACKAGE_ROOT } from '../io/package.js';
import { gradingRoots } from '../load/roots.js';
import { rootsOf, type ExerciseSources } from '../load/exercises.js';

/** Training results a student's `check` keeps between runs: a few hundred bytes each. */
export const CHECK_MODEL_RESULTS = 2000;

/**
 * The student's cache folder for `check`: NEUROGRADE_CACHE_DIR, else `$XDG_CACHE_HOME/neurograde`,
 * else `~/.cache/neurograde`. Only `check` reads it: a grade never takes a result from a folder
 * its student can write.
 */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NEUROGRADE_CACHE_DIR) return env.NEUROGRADE_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'neurograde');
}

const tests = (rel: string, isDir: boolean): boolean => rel.endsWith('.test.ts') || (isDir && rel === 'node_modules');

/**
 * What a stored training result is valid for besides its key: the grader's version and code and
 * the course's exercises and references (a reference model is keyed by its name, so a changed
 * reference must not find its old score), or the student package's public course. About 10 ms,
 * paid at the first training a check asks for only.
 */
export function checkResultsVersion(sources: ExerciseSources, engineDir = join(PACKAGE_ROOT, 'grader')): string {
  const trees = rootsOf(sources).flatMap((r) => [r.exercisesDir, r.referenceDir]).filter((d) => existsSync(d));
  return hashParts([
    'neurograde-check-models/1',
    graderVersion(),
    hashTree(engineDir, { skip: tests }),
    ...trees.map((d) => hashTree(d, { skip: tests })),
    ...(existsSync(PUBLIC_COURSE) ? [hashFile(PUBLIC_COURSE)] : []),
  ]);
}

/**
 * The model results of a student's `check` runs: kept in the user's cache folder, so that a
 * model unchanged since the last save (and the reference's training) is not trained again, at
 * most CHECK_MODEL_RESULTS of them. A folder that cannot be made leaves them in memory only.
 */
export function checkModelResults(roots: ExerciseSources | undefined, env: NodeJS.ProcessEnv = process.env): { readonly dir?: string; readonly version: () => string; readonly maxEntries: number } {
  const version = (): string => checkResultsVersion(roots ?? gradingRoots());
  const dir = join(userCacheDir(env), 'check-models');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return { dir, version, maxEntries: CHECK_MODEL_RESULTS };
  } catch {
    return { version, maxEntries: CHECK_MODEL_RESULTS };
  }
}
