/**
 * What a teacher's exercise imports to write checks and mistakes: `import { casesCheck } from
 * 'neurograde/kit'`. Everything here is stable API.
 */
export { casesCheck, judgeCases, type CaseSpec, type CasesCheckOptions } from './cases.js';
export { propertyCheck, type PropertyCheckOptions } from './property.js';
export { call, construct, set, invoke, data, ref, builtin, exported } from './steps.js';
export { createRng, deriveSeed, type Rng } from './rng.js';
export { evaluate } from './evaluate.js';
export { compareValues, close, type Comparison } from '../compare/compare.js';
export type { CheckDefinition, CheckContext, CheckVerdict, Observation, StudentRun, CaseOutcome } from '../model/check.js';
export type { MistakeDefinition } from '../model/mistake.js';
export type { Localized } from '../model/localized.js';
export type { Step, Arg } from '../sandbox/steps.js';
