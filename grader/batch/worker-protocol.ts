import type { ExerciseSources } from '../load/exercises.js';
import type { SubmissionResult } from '../model/results.js';
import type { GradeOptions } from '../execute/options.js';

/** What a grading worker needs to build its environment. */
export interface WorkerInit {
  /** Exercise ids to load. @default all */
  readonly only?: readonly string[];
  /** @default the grader's own exercises/ and reference/ */
  readonly roots?: ExerciseSources;
  readonly options: GradeOptions;
  /** Where the batch keeps training results, and for which grader (see modelResultsOf). @default in memory */
  readonly modelResults?: { readonly dir: string; readonly version: string };
}

export type ToWorker =
  | { readonly type: 'init'; readonly init: WorkerInit }
  | { readonly type: 'grade'; readonly id: number; readonly dir: string; readonly varyHidden?: string }
  | { readonly type: 'stop' };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly message: string }
  /** `retire`: the worker's TensorFlow.js backend failed while grading; the pool replaces the worker. */
  | { readonly type: 'result'; readonly id: number; readonly result: SubmissionResult; readonly retire?: boolean }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
