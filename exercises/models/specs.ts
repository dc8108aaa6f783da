/**
 * The five models of the contract, as the checks call them. What each must look like is not
 * repeated here: it is the reference's model (reference/models.ts, itself tested against the
 * notes' summaries), built in the grader and compared layer by layer.
 */
import { CLASSIFIER, REGRESSOR, type ModelSpec } from 'neurograde/kit/models';

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
