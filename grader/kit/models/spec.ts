import type { CompileSpec } from './compile.js';

/** A model a check asks the student's module for: the export to call, with what, and what it must be. */
export interface ModelSpec {
  /** The export that builds it, e.g. 'rnnModel'. */
  readonly fn: string;
  readonly args: readonly number[];
  /** What it must be compiled with; absent for a model that need not be compiled. */
  readonly compile?: CompileSpec;
  /** The shape of one input sample, for the fixed inputs of the predictions check. */
  readonly sample: readonly number[];
}

/** How a student reads the call: `rnnModel(6)`. */
export const callLabel = (spec: ModelSpec): string => `${spec.fn}(${spec.args.join(', ')})`;

/** The training budget of a learning check: the student's model and the reference's train alike. */
export interface Budget {
  readonly epochs: number;
  readonly batchSize: number;
  /** Samples per epoch (a seeded subset of the training set). */
  readonly maxSamples: number;
}
