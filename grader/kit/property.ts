import fc from 'fast-check';
import type { CheckContext, CheckDefinition, CheckVerdict, Observation } from '../model/check.js';
import type { Localized } from '../model/localized.js';
import type { SandboxFailure } from '../sandbox/session.js';
import { judgeCases, type CaseSpec } from './cases.js';

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
 * A property check: the student's answer must equal the reference's on every generated input.
 * The failure shown is fast-check's shrunk counterexample: a small input, the expected and the
 * obtained output. Inputs are generated and shrunk in the grader; only single cases cross.
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
      const ctx: CheckContext = {
        ...outer,
        run: async (cases) => {
          const r = await outer.run(cases);
          if (!r.ok) return r;
          r.cases.forEach((c, i) => {
            if (c.ok) answered.push({ steps: cases[i]!, outputs: c.outputs });
          });
          return r;
        },
      };
      const property = fc.asyncProperty(options.arbitrary, async (input) => {
        if (stopped) return true;
        const verdict = await judgeCases(ctx, [{ id: 'counterexample', ...options.toCase(input) }]);
        if (verdict.status === 'sandbox') {
          stopped = verdict.failure;
          return true;
        }
        if (verdict.status === 'passed') return true;
        last = verdict;
        return false;
      });
      const numRuns = options.numRuns ?? 60;
      const details = await fc.check(property, { seed: ctx.seed | 0, numRuns, endOnFailure: false });
      if (stopped) return { status: 'sandbox', failure: stopped };
      if (!details.failed || !last) return { status: 'passed' };
      // fast-check's last failing call is the shrunk counterexample; judge it once more so the
      // verdict is the one of that input, not of a later shrink attempt that passed.
      const shrunk = options.toCase(details.counterexample![0] as I);
      const final = await judgeCases(ctx, [{ id: 'counterexample', ...shrunk }]);
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
