import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as reference from '../../../reference/models.js';
import { createRebuiltModels, rebuildFromJson } from '../../tf/rebuilt-models.js';
import { createMemo, type Memo } from '../memo.js';
import { withCheckedModels, type CheckedModel } from './checked.js';
import { child, context, denseWith, type Builder } from './fake-child.js';
import { checkedTransplant } from './predictions.js';
import { DENSE } from '../../../exercises/models/specs.js';

interface Graded {
  readonly rebuilds: number;
  readonly units: unknown;
  readonly compileError: string | undefined;
  readonly transplant: string;
}

/**
 * One student's denseModel() judged as the built-in checks judge it, in an environment whose
 * memo is `memo`: a child and a submission's rebuilt models of its own, every rebuild counted.
 */
async function graded(memo: Memo, builder: Builder): Promise<Graded> {
  let rebuilds = 0;
  const rebuiltModels = createRebuiltModels((tfjs, topology) => ((rebuilds += 1), rebuildFromJson(tfjs, topology)));
  const ctx = context(child({ denseModel: builder }), { reference, memo, childValues: new Map(), rebuiltModels });
  let seen: Omit<Graded, 'rebuilds'> | undefined;
  await withCheckedModels(ctx, [DENSE], async (tfjs, [m]: readonly CheckedModel[]) => {
    seen = { units: m!.summary.facts.layers[0]!.config.units, compileError: m!.summary.compileError, transplant: (await checkedTransplant(ctx, tfjs, m!)).kind };
    return { status: 'passed' };
  });
  rebuiltModels.close();
  return { rebuilds, ...seen! };
}

const noRelu = (): tf.LayersModel => {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 100 }), tf.layers.dense({ units: 10, activation: 'softmax' })] });
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
};

const unknownLoss = (): tf.LayersModel => {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 100, activation: 'relu' }), tf.layers.dense({ units: 10, activation: 'softmax' })] });
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  // A compile setting tfjs will not load in the grader: the model's key differs from the notes' model's.
  (model as unknown as { loss: string }).loss = 'notALoss';
  return model;
};

describe('what the checks read of a model, kept for the environment by its key', () => {
  it('does not rebuild a model another student handed in before, and gives it the same verdicts', async () => {
    const memo = createMemo();
    const first = await graded(memo, () => denseWith(100));
    const again = await graded(memo, () => denseWith(100));
    expect(first).toEqual({ rebuilds: 1, units: 100, compileError: undefined, transplant: 'same' });
    expect(again).toEqual({ ...first, rebuilds: 0 });
  });

  it('never gives a model the entry of another: other units, another function with the same shapes, other compile settings', async () => {
    const memo = createMemo();
    const results = [];
    for (const builder of [() => denseWith(100), () => denseWith(64), noRelu, () => denseWith(100), unknownLoss, () => denseWith(64)]) results.push(await graded(memo, builder));
    expect(results.map((r) => [r.rebuilds, r.units, r.transplant])).toEqual([
      [1, 100, 'same'],
      [1, 64, 'weights-differ'],
      // Same shapes as the notes' model, so only a transplant kept for the notes' model could pass it.
      [1, 100, 'predictions'],
      [0, 100, 'same'],
      [1, 100, 'same'],
      [0, 64, 'weights-differ'],
    ]);
    expect(results[4]!.compileError).toMatch(/Unknown loss/);
    expect(results[0]!.compileError).toBeUndefined();
  });

  it('gives a training a model of its own at every call, and the check one model for all else', async () => {
    const ctx = context(child({ denseModel: () => denseWith(100) }), { reference, childValues: new Map() });
    const models: tf.LayersModel[] = [];
    await withCheckedModels(ctx, [DENSE], async (_tfjs, [m]) => {
      models.push(await m!.model(), await m!.model(), await m!.fresh(), await m!.fresh());
      return { status: 'passed' };
    });
    expect(models[0]).toBe(models[1]);
    expect(new Set(models).size).toBe(3);
  });
});
