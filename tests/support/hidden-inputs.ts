import { messages } from '../../grader/i18n/index.js';
import { createMemo } from '../../grader/kit/memo.js';
import { deriveSeed } from '../../grader/data/rng.js';
import type { GradingEnvironment } from '../../grader/execute/grade-submission.js';

/**
 * The inputs an exercise's hidden checks send and no public check sends too, as JSON: each check
 * runs against a child that never answers, so what it asks is all it does.
 */
export async function hiddenOnlyInputs(env: GradingEnvironment, exerciseId: string, seed: number): Promise<string[]> {
  const exercise = env.exercises.find((e) => e.manifest.id === exerciseId)!;
  const inputsOf = async (visibility: 'public' | 'hidden'): Promise<string[]> => {
    const inputs: string[] = [];
    for (const check of exercise.checks.filter((c) => exercise.manifest.checks[c.id]!.public === (visibility === 'public'))) {
      await check.run({
        exercise: exercise.manifest,
        reference: exercise.reference,
        tolerance: exercise.manifest.tolerance,
        seed: deriveSeed(seed, `${exerciseId}/${check.id}`),
        visibility,
        lang: 'en',
        t: messages('en'),
        memo: createMemo(),
        run: async (cases) => {
          for (const steps of cases) for (const s of steps) if (s.op === 'call') inputs.push(JSON.stringify(s.args.map((a) => ('data' in a ? a.data : a))));
          return { ok: false, failure: { kind: 'timeout', limitMs: 1 } };
        },
      });
    }
    return inputs;
  };
  const publicInputs = new Set(await inputsOf('public'));
  return (await inputsOf('hidden')).filter((input) => !publicInputs.has(input));
}
