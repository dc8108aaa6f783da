/**
 * What the student pack's `npm test` needs from the grader, bundled by esbuild into
 * `checks/runtime.mjs`: the step interpreter, the wire format, the comparison and the messages.
 * None of it is reference code: expected outputs travel as data in public-cases.json.
 */
export { runSteps, StepFaultError } from '../sandbox/steps.js';
export { decodeValue, encodeValue } from '../sandbox/wire.js';
export { compareValues } from '../compare/compare.js';
export { messages } from '../i18n/index.js';
export { faultMessage } from '../kit/faults.js';
