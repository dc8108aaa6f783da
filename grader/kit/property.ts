import fc from 'fast-check';
import type { CheckContext, CheckDefinition, CheckVerdict, Observation } from './check.js';
import type { Localized } from '../model/localized.js';
import type { SandboxFailure } from '../sandbox/session.js';
import { judgeCases, type CaseSpec } from './cases.js';
import { evaluate } from './evaluate.js';
import { messages } from '../i18n/index.js';

const [EN, FR] = [messages('en').grading.propertyCases, messages('fr').grading.propertyCases];
const COUNTEREXAMPLE = { id: EN.counterexample, title: { en: EN.counterexample, fr: FR.counterexample } } as const;

/** Sampled inputs sent to the child in one request. */
const SAMPLE_BATCH = 20;

export interface PropertyCheckOptions<I> {
  readonly id: string;
  readonly title: Localized;
  /** The inputs to try; fast-check shrinks a failing one to the smallest that still fails. */
  readonly arbitrary: fc.Arbitrary<I>;
  /** The case for one input. */
  readonly toCase: (input: I) => Omit<CaseSpec, 'id'>;
  /** How many inputs to try. @default 60 */
  readonly numRuns?: number;
}

/**
 * The seeded inputs fast-check's own run would try, as cases, with the reference's answers: once
 * per environment, and plain data decided by the exercise's code, the seed and fast-check's
 * version (the grader's build), so kept on disk for the next start too.
 */
function sampleOf<I>(ctx: CheckContext, options: PropertyCheckOptions<I>, run: { readonly seed: number; readonly numRuns: number }): { readonly cases: readonly CaseSpec[]; readonly expected: readonly (readonly unknown[])[] } {
  const compute = (): { cases: CaseSpec[]; expected: unknown[][] } => {
    const cases = fc.sample(options.arbitrary, run).map((input, i): CaseSpec => ({ id: EN.random(i + 1), title: { en: EN.random(i + 1), fr: FR.random(i + 1) }, ...options.toCase(input) }));
    return { cases, expected: cases.map((c) => evaluate(ctx.reference, c.steps)) };
  };
  return ctx.memo('sample', compute, { persist: true });
}

/**
 * A property check: the student's answer must equal the reference's on every generated input.
 * The failure shown is fast-check's shrunk counterexample: a small input, the expected and the
 * obtained output. Inputs are generated and shrunk in the grader. The seeded inputs (the ones
 * fast-check's own run would try, in the same order) first cross twenty to a request, with
 * the reference's answers computed once per environment: a correct answer costs one round trip
 * per twenty inputs instead of one per input. Only a failure runs fast-check input by input, to
 * shrink it.
 */
export function propertyCheck<I>(options: PropertyCheckOptions<I>): CheckDefinition {
  return {
    id: options.id,
    title: options.title,
    async run(outer: CheckContext): Promise<CheckVerdict> {
      let stopped: SandboxFailure | undefined;
      let last: CheckVerdict | undefined;
      // Every input the student answered, not just the shrunk one, goes to the diagnosis: a
      // minimal counterexample alone (a 1x1 image...) is often reproduced by several mistakes.
      const answered: Observation[] = [];
      const ctx = outer;
      const onAnswered = (obs: Observation): void => {
        answered.push(obs);
      };
      const property = fc.asyncProperty(options.arbitrary, async (input) => {
        if (stopped) return true;
        const verdict = await judgeCases(ctx, [{ ...COUNTEREXAMPLE, ...options.toCase(input) }], undefined, undefined, { onAnswered });
        if (verdict.status === 'sandbox') {
          stopped = verdict.failure;
          return true;
        }
        if (verdict.status === 'passed') return true;
        last = verdict;
        return false;
      });
      const numRuns = options.numRuns ?? 60;
      const seed = ctx.seed | 0;
      const sample = sampleOf(outer, options, { seed, numRuns });
      // In requests of a few inputs each: every request has the check's time limit, and an input
      // that costs a twentieth of it (a pathological answer of millions of items) must not time out
      // a whole batch that would have passed input by input.
      let all: CheckVerdict = { status: 'passed' };
      for (let i = 0; i < sample.cases.length && all.status === 'passed'; i += SAMPLE_BATCH) {
        all = await judgeCases(ctx, sample.cases.slice(i, i + SAMPLE_BATCH), undefined, sample.expected.slice(i, i + SAMPLE_BATCH), { cacheable: true, onAnswered });
      }
      if (all.status === 'passed' || all.status === 'sandbox') return all;

      const details = await fc.check(property, { seed, numRuns, endOnFailure: false });
      if (stopped) return { status: 'sandbox', failure: stopped };
      // fast-check tries the same inputs as the sample; should it ever not, the sample's failure stands.
      if (!details.failed || !last) return all.status === 'failed' ? { ...all, observations: answered } : all;
      // fast-check's last failing call is the shrunk counterexample; judge it once more so the
      // verdict is the one of that input, not of a later shrink attempt that passed.
      const shrunk = options.toCase(details.counterexample![0] as I);
      const final = await judgeCases(ctx, [{ ...COUNTEREXAMPLE, ...shrunk }], undefined, undefined, { onAnswered });
      if (final.status === 'sandbox') return final;
      if (final.status !== 'failed') return final.status === 'error' ? final : last;
      const note = ctx.t.grading.propertyFailed(details.numRuns);
      return {
        ...final,
        observations: answered,
        message: `${final.message} (${note})`,
        ...(final.evidence ? { evidence: { ...final.evidence, shrunk: true } } : {}),
      };
    },
  };
}
