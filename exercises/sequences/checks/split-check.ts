import { compareValues, judgeCases, evaluate, createRng, type Rng, call, type CheckContext, type CheckDefinition, type CheckVerdict, type Localized, type Step } from 'neurograde/kit';

/** One call of `chronologicalSplit(X, Y, trainCount)`. */
export interface SplitCase {
  readonly id: string;
  /** What the student reads, in their language. @default the id */
  readonly title?: Localized;
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

type Arrangement = { readonly kind: 'leak' | 'reordered'; readonly order: readonly number[] } | { readonly kind: 'other' };

/**
 * How a wrong answer relates to the right one: the same (x, y) pairs with some that belong to the
 * test part in the training part ('leak'), the same pairs on the right side of the cut in another
 * order ('reordered'), or anything else; with the pairs' original indexes in the answer's order.
 */
function arrangement(c: SplitCase, got: unknown): Arrangement {
  if (typeof got !== 'object' || got === null) return { kind: 'other' };
  const { xTrain, yTrain, xTest, yTest } = got as Record<string, unknown>;
  const lists = [xTrain, yTrain, xTest, yTest];
  if (!lists.every(Array.isArray)) return { kind: 'other' };
  const [xa, ya, xb, yb] = lists as unknown[][];
  if (xa!.length !== c.trainCount || ya!.length !== c.trainCount || xb!.length !== yb!.length) return { kind: 'other' };
  const key = (x: unknown, y: unknown): string => JSON.stringify([x, y]);
  // Each pair's original indexes, first unused first: a series may repeat a pair.
  const unused = new Map<string, number[]>();
  c.X.forEach((x, i) => {
    const k = key(x, c.Y[i]);
    unused.set(k, [...(unused.get(k) ?? []), i]);
  });
  const gotPairs = [...xa!.map((x, i) => key(x, ya![i])), ...xb!.map((x, i) => key(x, yb![i]))];
  if (gotPairs.length !== c.X.length) return { kind: 'other' };
  const order: number[] = [];
  for (const k of gotPairs) {
    const left = unused.get(k);
    if (!left || left.length === 0) return { kind: 'other' };
    order.push(left.shift()!);
  }
  return { kind: order.slice(0, c.trainCount).some((i) => i >= c.trainCount) ? 'leak' : 'reordered', order };
}

/**
 * Whether an order is made of at most two runs of consecutive indexes (each rising or each
 * falling): the last part first, a reversal, a rotation. A shuffle of eight pairs or more almost
 * never is; a deterministic rearrangement always is, and is not a shuffle.
 */
export function regular(order: readonly number[]): boolean {
  const runs = (step: number): number => order.reduce((n, v, i) => (i > 0 && v === order[i - 1]! + step ? n : n + 1), 0);
  return Math.min(runs(1), runs(-1)) <= 2;
}

/** Below this many pairs a shuffle may come out regular by chance. */
const SHUFFLE_EVIDENCE = 8;

/**
 * A check of `chronologicalSplit` that names the shuffled split by itself: a random shuffle
 * cannot be replayed by the catalogue's overrides, but its trace can be recognised. When every
 * wrong answer holds the right pairs, at least one puts test pairs into training, and none is a
 * regular rearrangement (see `regular`), the diagnosis is `split-shuffled`.
 */
export function splitCheck(options: SplitCheckOptions): CheckDefinition {
  return {
    id: options.id,
    title: options.title,
    async run(ctx: CheckContext): Promise<CheckVerdict> {
      const cases = options.cases(createRng(ctx.seed));
      const specs = cases.map((c) => ({
        id: c.id,
        ...(c.title ? { title: c.title } : {}),
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
      // Shuffled: every wrong answer holds the right pairs, test pairs reach training, and no
      // answer of enough pairs is a regular rearrangement (the last part first is not a shuffle).
      const shuffled =
        wrong.some((a) => a.kind === 'leak' && !regular(a.order)) &&
        wrong.every((a) => a.kind !== 'other' && (a.order.length < SHUFFLE_EVIDENCE || !regular(a.order)));
      return shuffled ? { ...verdict, diagnosis: SPLIT_SHUFFLED } : verdict;
    },
  };
}
