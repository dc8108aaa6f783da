import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/write.js';
import { SubmissionResultSchema, type SubmissionResult } from '../model/results.js';
import { validator } from '../schema/validate.js';
import { readIfValid } from '../io/read-validated.js';
import { hashParts } from './hash.js';

/**
 * The sidecar that marks a submission's output as complete. It is written last, after
 * results.json and the reports, so a batch killed at any moment leaves either a complete,
 * marked output or one that the next run grades again.
 */
export const CACHE_FILE = '.neurograde-cache.json';

export interface CacheRecord {
  readonly resultsKey: string;
  readonly reportsKey: string;
}

/** The key of one submission's grade: its content and everything else that decides it. */
export function resultsKey(contentHash: string, graderFingerprint: string): string {
  return hashParts([contentHash, graderFingerprint]);
}

const validateResult = validator(SubmissionResultSchema);

export type CacheLookup =
  | { readonly hit: 'none' }
  /** Graded already with the same key; `reports` says whether the reports are current too. */
  | { readonly hit: 'results'; readonly result: SubmissionResult; readonly reportsCurrent: boolean };

/** Looks for a complete output of the same submission graded the same way. */
export function lookupCache(outDir: string, key: CacheRecord): CacheLookup {
  const marker = join(outDir, CACHE_FILE);
  const resultsPath = join(outDir, 'results.json');
  if (!existsSync(marker) || !existsSync(resultsPath)) return { hit: 'none' };
  try {
    const record = JSON.parse(readFileSync(marker, 'utf8')) as Partial<CacheRecord>;
    if (record.resultsKey !== key.resultsKey) return { hit: 'none' };
    const result = readIfValid(resultsPath, validateResult);
    if (!result) return { hit: 'none' };
    return { hit: 'results', result, reportsCurrent: record.reportsKey === key.reportsKey };
  } catch {
    // A torn or hand-edited marker is no marker: grade again.
    return { hit: 'none' };
  }
}

/**
 * True when a check of the result ended on a fault of the grader's own (its time budget, its
 * TensorFlow.js backend): such a grade is not the submission's, and is never kept as cached.
 */
export function graderFaulted(result: SubmissionResult): boolean {
  return result.exercises.some((e) => e.checks.some((c) => c.status === 'error' && c.code !== undefined));
}

/** The folder of a batch's output where its training results are kept (see ModelResults). */
export const MODEL_RESULTS_DIR = '.neurograde-models';

/**
 * Where a batch keeps its training results, and the grader fingerprint they hold for: every
 * worker and every rerun of the batch trains a distinct model once; a changed grader, exercise
 * or seed trains again.
 */
export const modelResultsOf = (outDir: string, fingerprint: string): { readonly dir: string; readonly version: string } => ({ dir: join(outDir, MODEL_RESULTS_DIR), version: fingerprint });

/** Marks the output complete; call after every other file of the submission is written. */
export function writeCacheMarker(outDir: string, key: CacheRecord): void {
  writeFileAtomic(join(outDir, CACHE_FILE), JSON.stringify(key) + '\n');
}
