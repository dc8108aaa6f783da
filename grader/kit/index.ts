/**
 * What a teacher's exercise imports to write checks and mistakes: `import { casesCheck } from
 * 'neurograde/kit'`. Everything here is stable API; the bundled exercises import nothing else
 * (model exercises add `neurograde/kit/models`), so any exercise folder can be copied into a
 * course unchanged.
 */
export { casesCheck, judgeCases, named, type CaseName, type CaseSpec, type CasesCheckOptions } from './cases.js';
export { propertyCheck, type PropertyCheckOptions } from './property.js';
export { call, construct, set, invoke, data, ref, builtin, exported } from './steps.js';
export { faultMessage } from './faults.js';
export { createRng, deriveSeed, type Rng } from '../data/rng.js';
export { evaluate } from './evaluate.js';
export { compareValues, close, type Comparison } from '../compare/compare.js';
export type { CheckDefinition, CheckContext, CheckVerdict, Observation, StudentRun, CaseOutcome, Datasets } from './check.js';
export type { MistakeDefinition } from './mistake.js';
export { quirky, quirksOf } from './quirks.js';
export type { Localized, Lang } from '../model/localized.js';
export type { Manifest, Tolerance } from '../model/manifest.js';
export type { Mismatch, Evidence } from '../model/results.js';
export { GraderError, type GraderErrorCode } from '../model/errors.js';
export type { Messages } from '../i18n/types.js';
export type { Step, Arg, BuiltinName, StepFault } from '../sandbox/steps.js';
