/**
 * The public kit's part for exercises on TensorFlow.js models: `import { trainBudgeted } from
 * 'neurograde/kit/models'`. Apart from `neurograde/kit` so that exercises without models never
 * load TensorFlow.js (about 0.35 s and 50 MB per process).
 */
export { initBackend, isBackendFault, resetBackend, backendIdentity, type Tf, type TfBackend, type BackendName } from '../tf/backend.js';
export { compileSettings, rebuildModel, serializeModel, NotSerializableError, type ModelJson, type TrainingConfigJson } from '../tf/model-json.js';
export { trainingKey, type ModelResults, type TrainingKeyParts } from '../tf/model-results.js';
export { reseedWeights, trainBudgeted, evaluateAccuracy, unseededRandomness, type TrainData, type TrainOptions, type TrainResult, type EpochLog } from '../tf/train.js';
export { isTagged, type Tagged, type WireTensor, type WireTyped, type WireModel } from '../sandbox/wire.js';
export { noisySine, type SineData, type SineOptions } from '../data/sine.js';
export { mulberry32, permutation } from '../data/random.js';
export { loadMnist, type MnistOptions } from '../data/mnist.js';
export { loadFashionMnist, IdxError } from '../data/idx.js';
export { oneHot, type ImageSet, type ImageSplit } from '../data/dataset.js';
export { inspectTopology, type Inspection, type Estimate } from '../tf/input/inspect.js';
export { LAYER_CLASSES } from '../tf/input/layers.js';
export type { Refusal } from '../tf/input/refusal.js';
