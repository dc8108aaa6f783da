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

/** Where a command takes its exercises from. */
export interface CourseChoice {
  /** A teacher's course folder, whose exercises are added to the bundled ones. @default none */
  readonly course?: string;
  /** Grade the course's exercises alone, without the bundled ones. @default false */
  readonly courseOnly?: boolean;
}

/**
 * The exercises and references a command grades with: the grader's own, plus a course
 * folder's when one is given (or the course's alone with `courseOnly`). An id in both is refused
 * when they are loaded (see exerciseOwners). A student's grader package has no bundled folders.
 */
export function gradingRoots(choice: CourseChoice = {}): readonly ExerciseRoots[] {
  const bundled = packageRoots();
  if (!choice.course) return [bundled];
  const course = courseRoots(choice.course);
  return choice.courseOnly || !existsSync(bundled.exercisesDir) ? [course] : [bundled, course];
}
