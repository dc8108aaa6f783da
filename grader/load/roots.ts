import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../io/package.js';
import { GraderError } from '../model/errors.js';
import type { ExerciseRoots } from './exercises.js';

/** The exercises and references bundled with the grader. */
export function packageRoots(): ExerciseRoots {
  return { exercisesDir: join(PACKAGE_ROOT, 'exercises'), referenceDir: join(PACKAGE_ROOT, 'reference') };
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

/** The exercises and references a command grades with: a course folder's, or the grader's own. */
export function gradingRoots(course: string | undefined): ExerciseRoots {
  return course ? courseRoots(course) : packageRoots();
}
