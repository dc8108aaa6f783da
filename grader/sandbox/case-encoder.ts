import type { Arg, Step } from './steps.js';
import { decodeValue, encodeValue, type EncodeLimits } from './wire.js';

const INPUT_LIMITS: EncodeLimits = { maxItems: 50_000_000, maxDepth: 64 };

/** Step data in wire form: JSON alone would turn NaN into null and drop undefined. */
export function encodeStep(step: Step, limits: EncodeLimits = INPUT_LIMITS): Step {
  const encodeArg = (arg: Arg): Arg => ('data' in arg ? { data: encodeValue(arg.data, limits) } : arg);
  switch (step.op) {
    case 'set':
      return { ...step, value: encodeArg(step.value) };
    default:
      return { ...step, args: step.args.map(encodeArg) };
  }
}

/** The inverse of encodeStep: step data as the values code is called with (a fresh copy each time). */
export function decodeStep(step: Step): Step {
  const decodeArg = (arg: Arg): Arg => ('data' in arg ? { data: decodeValue(structuredClone(arg.data)) } : arg);
  switch (step.op) {
    case 'set':
      return { ...step, value: decodeArg(step.value) };
    default:
      return { ...step, args: step.args.map(decodeArg) };
  }
}

/** A case's steps as the bytes of their JSON wire form. */
export interface CaseEncoder {
  encode(steps: readonly Step[]): Buffer;
}

/**
 * Encodes each case once for as long as its steps live. A check's cases are memoised for the
 * whole environment (see Memo), so every submission of a class sends the same 170 KB image:
 * encoding it to JSON and UTF-8 once instead of once per submission saved a sixth of the
 * grader's CPU time per submission. Steps are never mutated once built; cases built afresh
 * (property checks) are simply encoded and forgotten.
 */
export function createCaseEncoder(): CaseEncoder {
  const encoded = new WeakMap<readonly Step[], Buffer>();
  return {
    encode(steps) {
      let bytes = encoded.get(steps);
      if (!bytes) {
        bytes = Buffer.from(JSON.stringify(steps.map((s) => encodeStep(s))));
        encoded.set(steps, bytes);
      }
      return bytes;
    },
  };
}
