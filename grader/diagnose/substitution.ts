import type { Observation } from '../kit/check.js';
import { evaluate } from '../kit/evaluate.js';
import type { Tolerance } from '../model/manifest.js';
import type { Arg, Step } from '../sandbox/steps.js';
import { reproduces } from './same-answer.js';

/** A parameter replaced by another of the same call, or by a constant. */
export interface Substitution {
  /** The parameter replaced: a key of an object argument ("S"), else a name from the case's input or "argument 2". */
  readonly name: string;
  readonly by: { readonly name: string } | { readonly value: number };
}

/** Replacements for a parameter besides the call's other parameters. */
const CONSTANTS = [0, 1] as const;
/** Parameters a call may have for the search to run: n x (n - 1 + 2) replays per case. */
const MAX_PARAMETERS = 8;
/** Failing cases a substitution must reproduce: one case is an anecdote. */
const MIN_FAILING = 2;

interface Slot {
  readonly arg: number;
  readonly key?: string;
  readonly value: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
const isNumbers = (v: unknown): boolean => typeof v === 'number' || (isRecord(v) && Object.values(v).every((x) => typeof x === 'number'));

/** The one call of a case, or undefined (a case of several steps is not a formula's). */
function onlyCall(obs: Observation): Extract<Step, { op: 'call' }> | undefined {
  const [step, ...rest] = obs.steps;
  return step?.op === 'call' && rest.length === 0 ? step : undefined;
}

/** The numeric parameters of a call by name: the keys of its object arguments, its numbers named by the case's input (in order) or by position. */
function slots(obs: Observation, step: Extract<Step, { op: 'call' }>): Map<string, Slot> {
  const out = new Map<string, Slot>();
  const inputNames = Object.keys(obs.input ?? {});
  const scalars = step.args.filter((a) => 'data' in a && typeof a.data === 'number').length;
  let scalar = 0;
  step.args.forEach((a, arg) => {
    if (!('data' in a)) return;
    if (typeof a.data === 'number') {
      const named = inputNames.length === scalars && obs.input![inputNames[scalar]!] === a.data ? inputNames[scalar]! : `argument ${arg + 1}`;
      scalar++;
      out.set(named, { arg, value: a.data });
    } else if (isRecord(a.data)) {
      for (const [key, v] of Object.entries(a.data)) if (typeof v === 'number') out.set(key, { arg, key, value: v });
    }
  });
  return out;
}

function replaced(step: Extract<Step, { op: 'call' }>, slot: Slot, value: number): Step {
  const args = step.args.map((a, i): Arg => {
    if (i !== slot.arg || !('data' in a)) return a;
    return { data: slot.key === undefined ? value : { ...(a.data as Record<string, unknown>), [slot.key]: value } };
  });
  return { ...step, args };
}

/** The reference's answer to a case with the substitution made, or undefined where the case has no such parameter (left as it is). */
function answerWith(reference: Readonly<Record<string, unknown>>, obs: Observation, s: Substitution): readonly unknown[] | undefined {
  const step = onlyCall(obs)!;
  const named = slots(obs, step);
  const slot = named.get(s.name);
  const value = 'value' in s.by ? s.by.value : named.get(s.by.name)?.value;
  if (!slot || value === undefined) return undefined;
  try {
    return evaluate(reference, [replaced(step, slot, value)]);
  } catch {
    return [];
  }
}

/**
 * For formulas (calls of one function whose answers are numbers or objects of numbers): the one
 * parameter replacement that gives every answer the student gave to the function every failing
 * case calls, right and wrong, such as
 * "S replaced by F" or "P replaced by 0". Nothing when the answers are not a formula's, when
 * fewer than two failing cases change, or when two replacements fit (the cases cannot tell).
 */
export function findSubstitution(input: { readonly reference: Readonly<Record<string, unknown>>; readonly tolerance: Tolerance }, cases: readonly { readonly obs: Observation; readonly failing: boolean }[]): Substitution | undefined {
  const fn = (c: { readonly obs: Observation }): string | undefined => onlyCall(c.obs)?.fn;
  const failingAll = cases.filter((c) => c.failing);
  const called = fn(failingAll[0] ?? cases[0]!);
  // The function every failing case calls: its cases only, those of another function are its own.
  if (called === undefined || !failingAll.every((c) => fn(c) === called)) return undefined;
  const mine = cases.filter((c) => fn(c) === called);
  const failing = mine.filter((c) => c.failing);
  if (failing.length < MIN_FAILING || !mine.every((c) => c.obs.outputs.every(isNumbers))) return undefined;
  const first = slots(failing[0]!.obs, onlyCall(failing[0]!.obs)!);
  if (first.size > MAX_PARAMETERS) return undefined;
  const names = [...first.keys()];
  const candidates: Substitution[] = names.flatMap((name) => [...names.filter((o) => o !== name).map((o) => ({ name, by: { name: o } })), ...CONSTANTS.map((value) => ({ name, by: { value } }))]);
  // The failing cases first: most replacements are ruled out by the first of them.
  const ordered = [...failing, ...mine.filter((c) => !c.failing)];
  const fits = candidates.filter((s) => {
    let changed = 0;
    for (const c of ordered) {
      const answer = answerWith(input.reference, c.obs, s);
      if (answer === undefined) {
        if (c.failing) return false;
        continue;
      }
      if (answer.length !== c.obs.outputs.length || !reproduces(answer, c.obs.outputs, input.tolerance)) return false;
      if (c.failing) changed++;
    }
    return changed >= MIN_FAILING;
  });
  return fits.length === 1 ? fits[0] : undefined;
}
