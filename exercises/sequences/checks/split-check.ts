import { compareValues, judgeCases, evaluate, createRng, type Rng, call, type CheckContext, type CheckDefinition, type CheckVerdict, type Localized, type Step } from 'neurograde/kit';

/** One call of `chronologicalSplit(X, Y, trainCount)`. */
export interface SplitCase {
  readonly id: string;
  readonly X: number[][];
  readonly Y: number[][];
  readonly trainCount: number;
}

export interface SplitCheckOptions {
  readonly id: string;
  readonly title: Localized;
  readonly cases: (rng: Rng) => readonly SplitCase[];
}

/** The id of the mistake this check names by itself. */
export const SPLIT_SHUFFLED = 'split-shuffled';

type Arrangement = 'leak' | 'reordered' | 'other';

/**
 * How a wrong answer relates to the right one: the same (x, y) pairs with some that belong to the
 * test part in the training part ('leak': shuffled before the cut), the same pairs on the right
 * side of the cut in another order ('reordered'), or anything else.
 */
function arrangement(c: SplitCase, got: unknown): Arrangement {
  if (typeof got !== 'object' || got === null) return 'other';
  const { xTrain, yTrain, xTest, yTest } = got as Record<string, unknown>;
  const lists = [xTrain, yTrain, xTest, yTest];
  if (!lists.every(Array.isArray)) return 'other';
  const [xa, ya, xb, yb] = lists as unknown[][];
  if (xa!.length !== c.trainCount || ya!.length !== c.trainCount || xb!.length !== yb!.length) return 'other';
  const key = (x: unknown, y: unknown): string => JSON.stringify([x, y]);
  const expectedTrain = new Map<string, number>();
  const expectedAll = new Map<string, number>();
  c.X.forEach((x, i) => {
    const k = key(x, c.Y[i]);
    expectedAll.set(k, (expectedAll.get(k) ?? 0) + 1);
    if (i < c.trainCount) expectedTrain.set(k, (expectedTrain.get(k) ?? 0) + 1);
  });
  const gotPairs = [...xa!.map((x, i) => key(x, ya![i])), ...xb!.map((x, i) => key(x, yb![i]))];
  if (gotPairs.length !== c.X.length) return 'other';
  for (const k of gotPairs) {
    const left = expectedAll.get(k) ?? 0;
    if (left === 0) return 'other';
    expectedAll.set(k, left - 1);
  }
  for (const k of gotPairs.slice(0, c.trainCount)) {
    const left = expectedTrain.get(k) ?? 0;
    if (left === 0) return 'leak';
    expectedTrain.set(k, left - 1);
  }
  return 'reordered';
}

/**
 * A check of `chronologicalSplit` that names the shuffled split by itself: a random shuffle
 * cannot be replayed by the catalogue's overrides, but its trace can be recognised. When every
 * wrong answer holds the right pairs and at least one puts test pairs into training, the
 * diagnosis is `split-shuffled`.
 */
export function splitCheck(options: SplitCheckOptions): CheckDefinition {
  return {
    id: options.id,
    title: options.title,
    async run(ctx: CheckContext): Promise<CheckVerdict> {
      const cases = options.cases(createRng(ctx.seed));
      const specs = cases.map((c) => ({
        id: c.id,
        steps: [call('chronologicalSplit', c.X, c.Y, c.trainCount)],
        input: { X: c.X, Y: c.Y, trainCount: c.trainCount },
      }));
      const verdict = await judgeCases(ctx, specs);
      if (verdict.status !== 'failed' || !verdict.observations) return verdict;
      // judgeCases keeps each case's own steps array in its observation: it identifies the case.
      const byCase = new Map<readonly Step[], SplitCase>(specs.map((s, i) => [s.steps, cases[i]!]));
      const wrong = verdict.observations.flatMap((obs) => {
        const [want] = evaluate(ctx.reference, obs.steps);
        return compareValues(want, obs.outputs[0], ctx.tolerance).pass ? [] : [arrangement(byCase.get(obs.steps)!, obs.outputs[0])];
      });
      if (wrong.includes('leak') && !wrong.includes('other')) return { ...verdict, diagnosis: SPLIT_SHUFFLED };
      return verdict;
    },
  };
}
