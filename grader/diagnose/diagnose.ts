import type { Observation } from '../kit/check.js';
import type { Tolerance } from '../model/manifest.js';
import type { MistakeDefinition } from '../kit/mistake.js';
import type { CasePattern, Relation } from '../model/results.js';
import type { Memo } from '../kit/memo.js';
import { evaluate } from '../kit/evaluate.js';
import { casePattern } from './patterns.js';
import { findSubstitution } from './substitution.js';
import { relate, type FoundRelation } from './relate.js';
import { relations, type RelationDefinition } from './relations/index.js';
import { reproduces, reproducesOne } from './same-answer.js';

export { reproduces } from './same-answer.js';
import { usedExports, variantsFor, type Variant } from './variants.js';

export interface DiagnoseInput {
  readonly reference: Readonly<Record<string, unknown>>;
  readonly mistakes: readonly MistakeDefinition[];
  readonly observations: readonly Observation[];
  readonly tolerance: Tolerance;
  /** Where the variants' outputs for a check's fixed cases are kept between submissions. @default none */
  readonly memo?: Memo;
  /** The case the failure message shows, to relate when no relation holds for every failing case. */
  readonly shownCaseId?: string;
}

/** What the grader could say about one failed check. */
export interface CheckDiagnosis {
  /** The mistakes named: one, two made together, or none. */
  readonly mistakes: readonly MistakeDefinition[];
  readonly relation?: Relation;
  readonly cases?: CasePattern;
}

/** Observations replayed at most: enough for every check's fixed cases and a property's sample. */
const MAX_REPLAYED = 120;

interface Answered {
  readonly obs: Observation;
  readonly expected: readonly unknown[];
  /** The first output that differs from the expected one, or -1. */
  readonly differs: number;
}

function answered(input: DiagnoseInput): Answered[] {
  return input.observations.flatMap((obs) => {
    let expected: readonly unknown[];
    try {
      expected = obs.expected ?? evaluate(input.reference, obs.steps);
    } catch {
      return [];
    }
    const differs = expected.findIndex((want, k) => !reproducesOne(want, obs.outputs[k], input.tolerance));
    return [{ obs, expected, differs }];
  });
}

function outputsOf(variant: Variant, obs: Observation, memo: Memo | undefined): readonly unknown[] | undefined {
  if (obs.variants) return obs.variants[variant.key];
  const run = (): readonly unknown[] | undefined => {
    try {
      return evaluate(variant.module, obs.steps);
    } catch {
      return undefined;
    }
  };
  return memo && obs.cacheable && obs.caseId !== undefined ? memo(`variant\u0000${variant.key}\u0000${obs.caseId}`, run) : run();
}

/**
 * The variant that gives the student's answer in every replayed case: where the student is wrong
 * (every such case, so no coincidence of one case names it) and where the student is right (a
 * mistake the student did not make there is not theirs). The simplest explanation wins (a whole
 * mistake before a part of one, one mistake before two); when two different mistakes explain the
 * answers equally well, the cases cannot tell them apart and neither is named.
 */
function matchVariant(input: DiagnoseInput, cases: readonly Answered[]): Variant | undefined {
  const used = new Set(cases.flatMap((c) => [...usedExports(c.obs.steps)]));
  const ids = (v: Variant): string => v.mistakes.map((m) => m.id).join('+');
  let found: Variant | undefined;
  for (const variant of variantsFor(input.reference, input.mistakes, used)) {
    if (found && variant.rank > found.rank) break;
    if (found && ids(variant) === ids(found)) continue;
    const ok = cases.every((c) => {
      const outputs = outputsOf(variant, c.obs, input.memo);
      return outputs !== undefined && outputs.length === c.obs.outputs.length && reproduces(outputs, c.obs.outputs, input.tolerance);
    });
    if (!ok) continue;
    if (found) return undefined;
    found = variant;
  }
  return found;
}

const sameParams = (a: FoundRelation, b: FoundRelation): boolean =>
  Object.keys(a.params).length === Object.keys(b.params).length && Object.entries(a.params).every(([k, v]) => Math.abs(b.params[k]! - v) <= 1e-9 * Math.max(1, Math.abs(v)));

const relateCase = (c: Answered, tol: Tolerance, candidates?: readonly RelationDefinition[]): FoundRelation | undefined =>
  relate(c.expected[c.differs], c.obs.outputs[c.differs], tol, candidates);

/**
 * The most specific relation that every failing case shows, when the first one each case shows
 * differs (the integer part is "rounded down" where nothing is negative, "toward zero" overall):
 * it holds in the first case, no earlier than the first case's own.
 */
function commonRelation(input: DiagnoseInput, wrong: readonly Answered[], first: FoundRelation): FoundRelation[] | undefined {
  const cases = wrong.slice(0, MAX_REPLAYED);
  if (cases.length < wrong.length) return undefined;
  for (const r of relations.slice(relations.findIndex((x) => x.id === first.id) + 1)) {
    const found: FoundRelation[] = [];
    for (const c of cases) {
      const f = relateCase(c, input.tolerance, [r]);
      if (!f || f.path !== first.path) break;
      found.push(f);
    }
    if (found.length === cases.length) return found;
  }
  return undefined;
}

/** Failing cases that must show one relation, at least, for it to be said of some of them. */
const MIN_SHOWING = 2;

/**
 * The relation most failing cases show, when the case shown has none: said of "3 of the 5 failing
 * cases", never of one case alone nor of fewer than half of them (a coincidence is not a finding).
 */
function mostRelation(found: readonly (FoundRelation | undefined)[], failing: number): Relation | undefined {
  const key = (r: FoundRelation): string => `${r.id}\u0000${r.path ?? ''}`;
  const groups = new Map<string, FoundRelation[]>();
  for (const r of found) if (r) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  let best: FoundRelation[] = [];
  for (const g of groups.values()) if (g.length > best.length) best = g;
  const first = best[0];
  if (!first || best.length < MIN_SHOWING || best.length * 2 < failing) return undefined;
  return { ...first, scope: 'some', showing: best.length, sameParams: best.every((r) => sameParams(first, r)), failing };
}

/** A relation every failing case shows (the first case's params), else the shown case's own, else the one most of them show. */
function relationOf(input: DiagnoseInput, wrong: readonly Answered[]): Relation | undefined {
  let found = wrong.map((c) => relateCase(c, input.tolerance));
  const first = found[0];
  if (first && !found.every((r) => r && r.id === first.id && r.path === first.path)) found = commonRelation(input, wrong, first) ?? found;
  const every = found[0];
  if (every && found.every((r) => r && r.id === every.id && r.path === every.path)) {
    return { ...every, scope: 'every', sameParams: found.every((r) => sameParams(every, r!)), failing: wrong.length };
  }
  // A property check judges its shrunk input last: the last case under the shown id is the one shown.
  let shownAt = -1;
  wrong.forEach((c, i) => {
    if (c.obs.caseId !== undefined && c.obs.caseId === input.shownCaseId) shownAt = i;
  });
  const shown = shownAt >= 0 ? found[shownAt] : undefined;
  return shown ? { ...shown, scope: 'shown', sameParams: true, failing: wrong.length } : mostRelation(found, wrong.length);
}

/**
 * "Your makeWindows changes its argument series": said first, since it is certain (the child saw
 * the argument change), of every failing case, of the case shown, or of most failing cases.
 */
function mutationRelation(all: readonly Answered[], failed: readonly boolean[], shownCaseId: string | undefined): Relation | undefined {
  const mutated = all.filter((c) => c.obs.mutated);
  const first = mutated[0]?.obs.mutated;
  if (!first) return undefined;
  const failing = failed.filter(Boolean).length;
  const shown = mutated.find((c) => c.obs.caseId !== undefined && c.obs.caseId === shownCaseId)?.obs.mutated;
  const scope = mutated.length === failing ? 'every' : shown ? 'shown' : mutated.length >= MIN_SHOWING && mutated.length * 2 >= failing ? 'some' : undefined;
  if (!scope) return undefined;
  const m = scope === 'shown' ? shown! : first;
  const same = mutated.every((c) => c.obs.mutated!.fn === m.fn && c.obs.mutated!.argument === m.argument);
  return {
    id: 'input-mutated',
    params: { argument: m.change.arg + 1 },
    ...(m.positional ? {} : { path: m.argument }),
    call: m.fn,
    scope,
    ...(scope === 'some' ? { showing: mutated.length } : {}),
    sameParams: same,
    failing,
  };
}

/** "Your poolOutputShape answers as the formula would with S replaced by F": said of every case, right and wrong. */
function substitutionRelation(input: DiagnoseInput, all: readonly Answered[], failed: readonly boolean[]): Relation | undefined {
  if (all.length > MAX_REPLAYED) return undefined;
  const found = findSubstitution(input, all.map((c, i) => ({ obs: c.obs, failing: failed[i]! })));
  if (!found) return undefined;
  const step = all.find((_, i) => failed[i])!.obs.steps[0];
  return {
    id: 'substituted',
    params: 'value' in found.by ? { value: found.by.value } : {},
    path: found.name,
    ...('name' in found.by ? { moved: { [found.name]: found.by.name } } : {}),
    ...(step?.op === 'call' ? { call: step.fn } : {}),
    scope: 'every',
    sameParams: true,
    failing: failed.filter(Boolean).length,
  };
}

/**
 * Explains a failed check from the cases the student answered: the catalogue's mistakes (whole,
 * in part, two at once) replayed on them, the relation between the wrong answers and the expected
 * ones, and which parameters tell the failing cases from the passing ones. Runs only on failures.
 */
export function diagnose(input: DiagnoseInput): CheckDiagnosis {
  const all = answered(input);
  const wrong = all.filter((c) => c.differs >= 0);
  const failed = all.map((c) => c.differs >= 0 || c.obs.mutated !== undefined);
  if (!failed.some(Boolean)) return { mistakes: [] };
  const right = all.filter((c) => c.differs < 0);
  // The wrong cases first: most variants are ruled out by the first of them. Cases whose only
  // fault is a changed input name no mistake of the catalogue: every variant answers them right.
  const replayed = [...wrong, ...right].slice(0, MAX_REPLAYED);
  const variant = wrong.length > 0 && wrong.length <= MAX_REPLAYED ? matchVariant(input, replayed) : undefined;
  const relation = mutationRelation(all, failed, input.shownCaseId) ?? substitutionRelation(input, all, failed) ?? (wrong.length > 0 ? relationOf(input, wrong) : undefined);
  const cases = casePattern(
    all.map((c) => c.obs),
    failed,
  );
  return { mistakes: variant?.mistakes ?? [], ...(relation ? { relation } : {}), ...(cases ? { cases } : {}) };
}
