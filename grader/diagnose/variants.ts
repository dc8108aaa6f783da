import type { MistakeDefinition } from '../kit/mistake.js';
import type { Step } from '../sandbox/steps.js';

type Module = Readonly<Record<string, unknown>>;

/** The reference with one or two mistakes (or part of one) swapped in. */
export interface Variant {
  /** The mistakes it stands for, in catalogue order. */
  readonly mistakes: readonly MistakeDefinition[];
  /** The exports it replaces. */
  readonly replaced: readonly string[];
  /** 0: a mistake whole, in any of its forms; 1: a mistake in part; 2: two mistakes. */
  readonly rank: 0 | 1 | 2;
  /** Stable key: the cache of its outputs is keyed by it. */
  readonly key: string;
  readonly module: Module;
}

/** At most this many exports in one mistake are tried one subset at a time (2^4 - 2 subsets). */
const MAX_SUBSET_KEYS = 4;

/** The exports a case's steps use: functions called, classes built, exports passed as arguments. */
export function usedExports(steps: readonly Step[]): Set<string> {
  const used = new Set<string>();
  for (const step of steps) {
    if (step.op === 'call') used.add(step.fn);
    if (step.op === 'new') used.add(step.cls);
    const args = step.op === 'set' ? [step.value] : step.args;
    for (const arg of args) if ('export' in arg) used.add(arg.export);
  }
  return used;
}

function subsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 1; mask < (1 << items.length) - 1; mask++) out.push(items.filter((_, i) => mask & (1 << i)));
  return out;
}

function pick(module: Module, keys: readonly string[]): Module {
  return Object.fromEntries(keys.map((k) => [k, module[k]]));
}

/**
 * Both mistakes at once, or undefined when they replace the same export and neither can wrap the
 * other (or both refuse: two quirks that set the same thing differently).
 */
export function combine(reference: Module, a: MistakeDefinition, b: MistakeDefinition): Module | undefined {
  const withA = { ...reference, ...a.overrides };
  const bOnA = b.wrap?.(withA);
  if (bOnA) return { ...withA, ...bOnA };
  const withB = { ...reference, ...b.overrides };
  const aOnB = a.wrap?.(withB);
  if (aOnB) return { ...withB, ...aOnB };
  const shared = Object.keys(a.overrides).some((k) => k in b.overrides);
  return shared ? undefined : { ...withA, ...b.overrides };
}

/**
 * The variants worth replaying for a check whose cases use `used`, simplest explanation first:
 * each mistake whole (in each of its forms), then each mistake in part (made in some of its functions only: the "+ 1"
 * forgotten in one formula), then pairs of mistakes made together. A variant that changes nothing
 * the check calls, or the same thing as an earlier one, is left out: a pair is tried only when
 * both of its mistakes touch the check, so both deserve their name.
 */
export function variantsFor(reference: Module, mistakes: readonly MistakeDefinition[], used: ReadonlySet<string>): Variant[] {
  const out: Variant[] = [];
  const relevant = (m: MistakeDefinition): string[] => Object.keys(m.overrides).filter((k) => used.has(k));
  const touching = mistakes.filter((m) => relevant(m).length > 0);
  for (const m of touching) {
    out.push({ mistakes: [m], replaced: relevant(m), rank: 0, key: m.id, module: { ...reference, ...m.overrides } });
    (m.forms ?? []).forEach((form, i) => {
      const replaced = Object.keys(form).filter((k) => used.has(k));
      if (replaced.length > 0) out.push({ mistakes: [m], replaced, rank: 0, key: `${m.id}~${i}`, module: { ...reference, ...form } });
    });
  }
  for (const m of touching) {
    const keys = relevant(m);
    if (keys.length < 2 || keys.length > MAX_SUBSET_KEYS) continue;
    for (const part of subsets(keys)) {
      out.push({ mistakes: [m], replaced: part, rank: 1, key: `${m.id}[${part.join(',')}]`, module: { ...reference, ...pick(m.overrides, part) } });
    }
  }
  for (let i = 0; i < touching.length; i++) {
    for (let j = i + 1; j < touching.length; j++) {
      const [a, b] = [touching[i]!, touching[j]!];
      const module = combine(reference, a, b);
      if (!module) continue;
      const replaced = [...new Set([...relevant(a), ...relevant(b)])];
      out.push({ mistakes: [a, b], replaced, rank: 2, key: `${a.id}+${b.id}`, module });
    }
  }
  return out;
}
