import { runSteps, type Step } from '../sandbox/steps.js';

/**
 * Runs steps against a trusted module in the grader (the reference or a mistaken variant).
 * Inputs are cloned for every run, so a variant that mutates its input cannot spoil the next.
 */
export function evaluate(mod: Readonly<Record<string, unknown>>, steps: readonly Step[]): unknown[] {
  return runSteps(mod, steps, (d) => structuredClone(d));
}
