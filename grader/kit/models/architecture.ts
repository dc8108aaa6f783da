import type { CheckContext, CheckDefinition, CheckVerdict, Localized } from '../index.js';
import { compareArchitecture, diagnoseArchitecture } from './compare.js';
import { architectureMessage } from './explain.js';
import { withCheckedModels } from './checked.js';
import { referenceFacts } from './reference.js';
import { callLabel, type ModelSpec } from './spec.js';

/**
 * A check that the models built by `specs` have the reference's layers, hyper-parameters, output
 * shapes and parameter count. Fails on the first model that differs, naming the mistake when
 * the differences point at one.
 */
export function architectureCheck(options: { readonly id: string; readonly title: Localized; readonly specs: readonly ModelSpec[] }): CheckDefinition {
  return {
    id: options.id,
    title: options.title,
    run: (ctx: CheckContext): Promise<CheckVerdict> =>
      withCheckedModels(ctx, options.specs, (_tf, models) => {
        for (const student of models) {
          const reference = referenceFacts(ctx, student.spec);
          const facts = student.summary.facts;
          const diffs = compareArchitecture(facts, reference);
          if (diffs.length === 0) continue;
          const diagnosis = diagnoseArchitecture(diffs);
          return {
            status: 'failed',
            message: architectureMessage(ctx.t.models, { call: callLabel(student.spec), diffs, student: facts, reference }),
            ...(diagnosis ? { diagnosis } : {}),
          };
        }
        const main = models[0]!;
        return { status: 'passed', message: ctx.t.models.architectureOk(callLabel(main.spec), main.summary.facts.params) };
      }),
  };
}
