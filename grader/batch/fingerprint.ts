import { join } from 'node:path';
import { graderVersion, PACKAGE_ROOT } from '../io/package.js';
import { rootsOf, type ExerciseSources } from '../load/exercises.js';
import type { Lang } from '../model/localized.js';
import { hashParts, hashTree } from './hash.js';

/** What decides a submission's grade besides its own files. */
export interface GradingSelection {
  readonly exercises: readonly string[];
  readonly lang: Lang;
  readonly seed: number;
  readonly mode: 'grade' | 'check';
  /** Hidden cases vary per submission (BatchOptions.varyHidden). @default false */
  readonly varyHidden?: boolean;
}


// Tests never change a grade, and the batch, CLI, pack and similarity stages do not either: editing them
// must not throw a whole class's cache away.
const notGrading = (rel: string, isDir: boolean): boolean =>
  rel.endsWith('.test.ts') || (isDir && ['batch', 'cli', 'pack', 'similarity', 'classroom', 'node_modules'].includes(rel));

/**
 * A hash of everything but the submission that decides its grade: grader version, the selected
 * exercises, language, seed and mode, and the content of every exercises/ and reference/ folder
 * graded from (the bundled ones, a course's) and of the grading engine, so that changing a check
 * or a tolerance invalidates every cached result. Contents, not paths: shards on other machines agree.
 * @param engineDir the grading engine's sources. @default `<package>/grader`
 */
export function graderFingerprint(sources: ExerciseSources, selection: GradingSelection, version = graderVersion(), engineDir = join(PACKAGE_ROOT, 'grader')): string {
  const skip = { skip: notGrading };
  return hashParts([
    'neurograde-batch-cache/2',
    version,
    [...selection.exercises].join(','),
    selection.lang,
    String(selection.seed),
    selection.mode,
    // Only when set, so that existing caches stay valid.
    ...(selection.varyHidden ? ['vary-hidden'] : []),
    ...rootsOf(sources).flatMap((r) => [hashTree(r.exercisesDir, skip), hashTree(r.referenceDir, skip)]),
    hashTree(engineDir, skip),
  ]);
}

/** Hash of the reporters' code and language: a change re-renders reports without regrading. */
export function reportsFingerprint(lang: Lang, reportsDir = join(PACKAGE_ROOT, 'reports')): string {
  return hashParts(['neurograde-reports/1', lang, hashTree(reportsDir, { skip: (rel) => rel.endsWith('.test.ts') })]);
}
