/**
 * The five models of the contract, as the checks call them. What each must look like is not
 * repeated here: it is the reference's model (reference/models.ts, itself tested against the
 * notes' summaries), built in the grader and compared layer by layer.
 */
import { CLASSIFIER, REGRESSOR, type CompileSpec } from './compile.js';

export interface ModelSpec {
  /** The export that builds it. */
  readonly fn: 'denseModel' | 'cnnModel' | 'deepCnnModel' | 'rnnModel' | 'lstmModel';
  readonly args: readonly number[];
  /** What it must be compiled with; absent for a model that need not be compiled. */
  readonly compile?: CompileSpec;
  /** The shape of one input sample, for the fixed inputs of the predictions check. */
  readonly sample: readonly number[];
}

export const DENSE: ModelSpec = { fn: 'denseModel', args: [], compile: CLASSIFIER, sample: [784] };
export const CNN: ModelSpec = { fn: 'cnnModel', args: [], compile: CLASSIFIER, sample: [28, 28, 1] };
export const DEEP_CNN: ModelSpec = { fn: 'deepCnnModel', args: [], compile: CLASSIFIER, sample: [28, 28, 1] };
/** The notes' window of s = 6. */
export const RNN: ModelSpec = { fn: 'rnnModel', args: [6], compile: REGRESSOR, sample: [6, 1] };
/** Another window length: the input shape must follow `s`, the parameter count must not. */
export const RNN_12: ModelSpec = { fn: 'rnnModel', args: [12], compile: REGRESSOR, sample: [12, 1] };
export const LSTM: ModelSpec = { fn: 'lstmModel', args: [], sample: [20, 8] };

/** The models that must come back compiled. */
export const COMPILED: readonly ModelSpec[] = [DENSE, CNN, DEEP_CNN, RNN];

/** How a student reads the call: `rnnModel(6)`. */
export const callLabel = (spec: ModelSpec): string => `${spec.fn}(${spec.args.join(', ')})`;
