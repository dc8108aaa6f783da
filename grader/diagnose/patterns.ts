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

/**
 * The parameter that tells the failing cases from the passing ones, if one does: every case with
 * one of its failing values fails and every case with one of its passing values passes. A
 * parameter whose every case has its own value (a random size) separates anything and says
 * nothing, so some value must be shared by two cases; the fewest distinct values win, the
 * function called first.
 */
export function casePattern(observations: readonly Observation[], failed: readonly boolean[]): CasePattern | undefined {
  if (!failed.some(Boolean) || failed.every(Boolean)) return undefined;
  let best: { pattern: CasePattern; size: number } | undefined;
  for (const f of featuresOf(observations)) {
    const failing = uniq(f.values.filter((_, i) => failed[i]));
    const passing = uniq(f.values.filter((_, i) => !failed[i]));
    if (failing.some((v) => passing.includes(v))) continue;
    // Two cases on each side at least: one passing case against the rest is an anecdote.
    const failingCases = failed.filter(Boolean).length;
    if (failingCases < 2 || observations.length - failingCases < 2) continue;
    const size = failing.length + passing.length;
    if (size >= observations.length) continue;
    if (f.by === 'function' && size < 2) continue;
    if (!best || size < best.size) {
      const name = f.by === 'function' ? (failing[0] as string) : f.name;
      best = { pattern: { by: f.by, name, failing, passing }, size };
    }
  }
  return best?.pattern;
}
