import { compareValues, type Comparison } from '../compare/compare.js';
import { jsonSafe } from '../compare/json-safe.js';
import type { CheckContext, CheckDefinition, CheckVerdict, Observation } from './check.js';
import type { Evidence } from '../model/results.js';
import type { Localized } from '../model/localized.js';
import type { Tolerance } from '../model/manifest.js';
import type { Step } from '../sandbox/steps.js';
import { evaluate } from './evaluate.js';
import { faultMessage } from './faults.js';
import { createRng, type Rng } from '../data/rng.js';
import { mutationOf } from './mutation.js';

/** A case's name: one text for both languages (a formula, say), or one per language. */
export type CaseName = string | Localized;

/** One case of a check: the steps to run and what to show a student of its input. */
export interface CaseSpec {
  /** Stable across languages (the English name): what results.json and the diagnosis refer to. */
  readonly id: string;
  /** What the student reads, in their language. @default the id */
  readonly title?: Localized;
  readonly steps: readonly Step[];
  /** Named inputs for feedback, e.g. `{ img, kernel }`. */
  readonly input?: Readonly<Record<string, unknown>>;
}

/** The id and title of a case called `name` (spread it into a CaseSpec). */
export function named(name: CaseName): { readonly id: string; readonly title?: Localized } {
  return typeof name === 'string' ? { id: name } : { id: name.en, title: name };
}

export interface CasesCheckOptions {
  readonly id: string;
  readonly title: Localized;
  /** The cases, built from a seeded generator (fixed cases ignore it). */
  readonly cases: (rng: Rng) => readonly CaseSpec[];
  /** How one output is compared. @default compareValues with the exercise's tolerance */
  readonly compare?: (want: unknown, got: unknown, tol: Tolerance) => Comparison;
}

/**
 * A check made of cases: each runs on the reference in the grader and on the student's code in
 * the child, and every output must match. The first differing case is reported; every answered
 * case is kept for the diagnosis.
 */
export function casesCheck(options: CasesCheckOptions): CheckDefinition {
  const cmp = options.compare ?? compareValues;
  return {
    id: options.id,
    title: options.title,
    async run(ctx: CheckContext): Promise<CheckVerdict> {
      // Plain data decided by the exercise's code and the seed: kept on disk for the next start.
      const { cases, expected } = ctx.memo(
        'cases',
        () => {
          const list = options.cases(createRng(ctx.seed));
          return { cases: list, expected: list.map((c) => evaluate(ctx.reference, c.steps)) };
        },
        { persist: true },
      );
      return judgeCases(ctx, cases, cmp, expected, { cacheable: true });
    },
  };
}

export interface JudgeOptions {
  /**
   * Whether each case id names the same steps at every grading with this check's seed, so the
   * diagnosis may cache the catalogue's answers to it between submissions. @default false
   */
  readonly cacheable?: boolean;
  /** Called with every case the student answered, judged or not. @default none */
  readonly onAnswered?: (observation: Observation) => void;
}

/** Runs cases and judges them; shared by case checks and property checks. */
export async function judgeCases(
  ctx: CheckContext,
  cases: readonly CaseSpec[],
  cmp: (want: unknown, got: unknown, tol: Tolerance) => Comparison = compareValues,
  expected: readonly (readonly unknown[])[] = cases.map((c) => evaluate(ctx.reference, c.steps)),
  options: JudgeOptions = {},
): Promise<CheckVerdict> {
  const run = await ctx.run(cases.map((c) => c.steps));
  if (!run.ok) return { status: 'sandbox', failure: run.failure };
  const observations: Observation[] = [];
  let verdict: CheckVerdict | undefined;
  for (let i = 0; i < cases.length; i++) {
    const spec = cases[i]!;
    const outcome = run.cases[i]!;
    const label = ctx.t.grading.caseLabel(spec.title?.[ctx.lang] ?? spec.id);
    if (!outcome.ok) {
      verdict ??= { status: 'error', message: ctx.t.compare.inCase(label, faultMessage(ctx.t, ctx.exercise.file, outcome.fault)), ...stackOf(outcome.fault) };
      continue;
    }
    const want = expected[i]!;
    const mutated = mutationOf(spec, outcome.changed);
    const observation: Observation = {
      steps: spec.steps,
      outputs: outcome.outputs,
      expected: want,
      caseId: spec.id,
      cacheable: options.cacheable === true,
      ...(spec.input ? { input: spec.input } : {}),
      ...(mutated ? { mutated } : {}),
    };
    observations.push(observation);
    options.onAnswered?.(observation);
    if (verdict) continue;
    verdict = judgeOutputs(ctx, { spec, label, want, outputs: outcome.outputs }, cmp);
    // Right answers from code that changed its input: the caller's data is spoiled all the same.
    if (!verdict && mutated) verdict = { status: 'failed', message: ctx.t.compare.inCase(label, ctx.t.compare.mutated(mutated)), evidence: evidenceOf(ctx, spec), mutated };
  }
  if (!verdict) return { status: 'passed' };
  return verdict.status === 'failed' ? { ...verdict, observations } : verdict;
}

const evidenceOf = (ctx: CheckContext, spec: CaseSpec): Evidence => ({
  caseId: spec.id,
  ...(spec.title ? { caseTitle: spec.title[ctx.lang] } : {}),
  ...(spec.input ? { input: jsonSafe(spec.input) } : {}),
});

/** The first output that differs from the reference's, as a failed verdict; undefined when all match. */
function judgeOutputs(
  ctx: CheckContext,
  answer: { readonly spec: CaseSpec; readonly label: string; readonly want: readonly unknown[]; readonly outputs: readonly unknown[] },
  cmp: (want: unknown, got: unknown, tol: Tolerance) => Comparison,
): CheckVerdict | undefined {
  const { spec, label, want, outputs } = answer;
  for (let k = 0; k < want.length; k++) {
    const c = cmp(want[k], outputs[k], ctx.tolerance);
    if (c.pass) continue;
    return {
      status: 'failed',
      message: ctx.t.compare.inCase(label, ctx.t.compare.mismatch(c.mismatch)),
      mismatch: c.mismatch,
      evidence: { ...evidenceOf(ctx, spec), expected: jsonSafe(want[k]), got: jsonSafe(outputs[k]) },
    };
  }
  return undefined;
}

function stackOf(fault: { kind: string; error?: { stack?: string } }): { stack?: string } {
  return fault.kind === 'threw' && fault.error?.stack ? { stack: fault.error.stack } : {};
}
