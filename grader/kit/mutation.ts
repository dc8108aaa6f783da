import type { ArgumentChange, InputMutation } from '../model/mutation.js';
import type { CaseSpec } from './cases.js';

/**
 * The child's report of a changed argument, named from the case: the function called and the
 * argument's name in the case's input (the very value the step passes), else its position.
 * Undefined when the report does not fit the case's steps (a forged message gains nothing).
 */
export function mutationOf(spec: CaseSpec, changed: ArgumentChange | undefined): InputMutation | undefined {
  if (!changed) return undefined;
  const step = spec.steps[changed.step];
  if (!step || (step.op !== 'call' && step.op !== 'invoke')) return undefined;
  const arg = step.args[changed.arg];
  if (!arg || !('data' in arg)) return undefined;
  const name = Object.entries(spec.input ?? {}).find(([, v]) => v === arg.data)?.[0];
  return {
    fn: step.op === 'call' ? step.fn : step.method,
    argument: name ?? String(changed.arg + 1),
    positional: name === undefined,
    change: changed,
  };
}
