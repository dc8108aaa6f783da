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
// The engine of model exercises: ask the student's module for models, rebuild them from data,
// compare them layer by layer, transplant weights, train within a budget.
export { callLabel, type ModelSpec, type Budget } from './models/spec.js';
export { CLASSIFIER, REGRESSOR, compileProblem, inspectCompile, sameCompile, type CompileInfo, type CompileProblem, type CompileSpec } from './models/compile.js';
export { architectureCheck } from './models/architecture.js';
export { referenceFacts, referenceInfo, referenceModel, type ReferenceInfo } from './models/reference.js';
export { predictionsCheck, transplant, fixedInputs, type Transplant } from './models/predictions.js';
export { learningCheck, STUDENT_TRAINING_WORK, type LearningCheckOptions, type PassRule } from './models/learning.js';
export { withCheckedModels, modelKey, type CheckedModel, type ModelSummary } from './models/checked.js';
export { withStudentModels, fetchModels, disposeModels, backendFor, type StudentModel, type Fetched } from './models/fetch.js';
export { imageData, sineData, cnnData, IMAGE_COUNTS, MNIST_SIZE, sizeOf, type TaskData, type DatasetName, type DataSize } from './models/data.js';
export { modelFacts, sameFacts, canonical, type ModelFacts, type LayerFacts, type Shape } from './models/facts.js';
export { compareArchitecture, diagnoseArchitecture, type Difference } from './models/compare.js';
export { architectureMessage } from './models/explain.js';
export { visibleCauses, type Cause } from './models/causes.js';
