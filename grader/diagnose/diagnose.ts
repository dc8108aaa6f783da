import { compareValues } from '../compare/compare.js';
import type { Observation } from '../model/check.js';
import type { Tolerance } from '../model/manifest.js';
import type { MistakeDefinition } from '../model/mistake.js';
import { evaluate } from '../kit/evaluate.js';

export interface DiagnoseInput {
  readonly reference: Readonly<Record<string, unknown>>;
  readonly mistakes: readonly MistakeDefinition[];
  readonly observations: readonly Observation[];
  readonly tolerance: Tolerance;
}

/**
 * The first mistake of the catalogue whose variant reproduces every answer the student gave in
 * the check, or undefined. Demanding every answer, not just the failing one, keeps a mistake
 * from being named on a coincidence.
 */
export function diagnose(input: DiagnoseInput): MistakeDefinition | undefined {
  if (input.observations.length === 0) return undefined;
  return input.mistakes.find((mistake) => {
    const variant = { ...input.reference, ...mistake.overrides };
    return input.observations.every((obs) => {
      let outputs: unknown[];
      try {
        outputs = evaluate(variant, obs.steps);
      } catch {
        return false;
      }
      return outputs.every((want, k) => {
        try {
          return compareValues(want, obs.outputs[k], input.tolerance).pass;
        } catch {
          return false;
        }
      });
    });
  });
}
