import type { Observation } from '../kit/check.js';
import type { CasePattern } from '../model/results.js';

type Value = number | string | boolean | null;

/** The function or method the case's last call makes. */
function calledName(obs: Observation): string | undefined {
  for (let i = obs.steps.length - 1; i >= 0; i--) {
    const s = obs.steps[i]!;
    if (s.op === 'call') return s.fn;
    if (s.op === 'invoke') return s.method;
  }
  return undefined;
}

const isPrimitive = (v: unknown): v is number | string | boolean => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);

/** A case's parameters: the scalars of its input, one level into option objects ("options.stride"). */
function parameters(obs: Observation): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const [key, value] of Object.entries(obs.input ?? {})) {
    if (isPrimitive(value)) out.set(key, value);
    else if (isRecord(value)) for (const [sub, v] of Object.entries(value)) if (isPrimitive(v)) out.set(`${key}.${sub}`, v);
  }
  return out;
}

interface Feature {
  readonly by: CasePattern['by'];
  readonly name: string;
  /** With `by: 'equal'`: the parameter `name` is compared with. */
  readonly with?: string;
  readonly values: readonly Value[];
}

function featuresOf(observations: readonly Observation[]): Feature[] {
  const params = observations.map(parameters);
  const names = [...new Set(params.flatMap((p) => [...p.keys()]))];
  const features: Feature[] = [];
  const called = observations.map(calledName);
  if (called.every((c) => c !== undefined)) features.push({ by: 'function', name: '', values: called as string[] });
  // A parameter a case leaves out is a value of its own ("not given"): the default is the student's to apply.
  for (const name of names) features.push({ by: 'parameter', name, values: params.map((p) => (p.has(name) ? p.get(name)! : null)) });
  return features;
}

const uniq = (vs: readonly Value[]): Value[] => [...new Set(vs)];

/** Cases a derived feature (two parameters equal) needs: with fewer, some pair separates by chance. */
const MIN_CASES_DERIVED = 5;

/**
 * Features of the parameters, for when no parameter's own values tell the cases apart: whether
 * two of them are equal (stride = size: no stride value nor size value separates 2,2 and 3,3
 * passing from 2,1 and 3,2 failing). A parameter some case leaves out takes no part: its default
 * is the student's to apply. (Whether one is 0 needs no feature: a value of its own, 0 is
 * already told from the others.)
 */
function derivedFeatures(observations: readonly Observation[]): Feature[] {
  if (observations.length < MIN_CASES_DERIVED) return [];
  const params = observations.map(parameters);
  const names = [...new Set(params.flatMap((p) => [...p.keys()]))].filter((n) => params.every((p) => typeof p.get(n) === 'number'));
  const value = (p: Map<string, Value>, n: string): number => p.get(n) as number;
  const features: Feature[] = [];
  names.forEach((a, i) => {
    for (const b of names.slice(i + 1)) features.push({ by: 'equal', name: a, with: b, values: params.map((p) => value(p, a) === value(p, b)) });
  });
  return features;
}

/** The feature with the fewest values that tells failing from passing cases, two cases a side at least. */
function separating(features: readonly Feature[], failed: readonly boolean[]): CasePattern | undefined {
  let best: { pattern: CasePattern; size: number } | undefined;
  const failingCases = failed.filter(Boolean).length;
  // Two cases on each side at least: one passing case against the rest is an anecdote.
  if (failingCases < 2 || failed.length - failingCases < 2) return undefined;
  for (const f of features) {
    const failing = uniq(f.values.filter((_, i) => failed[i]));
    const passing = uniq(f.values.filter((_, i) => !failed[i]));
    if (failing.some((v) => passing.includes(v))) continue;
    const size = failing.length + passing.length;
    if (size >= failed.length) continue;
    if (f.by === 'function' && size < 2) continue;
    if (!best || size < best.size) {
      const name = f.by === 'function' ? (failing[0] as string) : f.name;
      best = { pattern: { by: f.by, name, ...(f.with ? { with: f.with } : {}), failing, passing }, size };
    }
  }
  return best?.pattern;
}

/**
 * The parameter that tells the failing cases from the passing ones, if one does: every case with
 * one of its failing values fails and every case with one of its passing values passes. A
 * parameter whose every case has its own value (a random size) separates anything and says
 * nothing, so some value must be shared by two cases; the fewest distinct values win, the
 * function called first. When none does, a feature of the parameters may (see derivedFeatures).
 */
export function casePattern(observations: readonly Observation[], failed: readonly boolean[]): CasePattern | undefined {
  if (!failed.some(Boolean) || failed.every(Boolean)) return undefined;
  return separating(featuresOf(observations), failed) ?? separating(derivedFeatures(observations), failed);
}
