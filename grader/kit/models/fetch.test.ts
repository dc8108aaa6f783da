import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as reference from '../../../reference/models.js';
import type { CheckContext } from '../check.js';
import { createMemo } from '../memo.js';
import { child, context, denseWith, type Builder, type Child, type Module } from './fake-child.js';
import { modelFacts } from './facts.js';
import { withStudentModels } from './fetch.js';
import { transplant } from './predictions.js';
import { referenceFacts } from './reference.js';
import { CNN, DENSE, LSTM, RNN } from '../../../exercises/models/specs.js';

describe('the models a child sent, kept for its next checks', () => {
  it("calls each builder once per child: the next check on that child gets its own model of the same answer", async () => {
    const c = child(reference as unknown as Module);
    const childValues = new Map<string, unknown>();
    const ctx = context(c, { reference, childValues });
    const first = await withStudentModels(ctx, [DENSE], (_tf, [m]) => {
      m!.model.setWeights(m!.model.getWeights().map((w) => tf.zerosLike(w)));
      return { status: 'passed' };
    });
    let weightSum = 0;
    const second = await withStudentModels(ctx, [DENSE, CNN], (_tf, [dense, cnn]) => {
      weightSum = tf.tidy(() => dense!.model.getWeights().reduce((s, w) => s + tf.sum(tf.abs(w)).dataSync()[0]!, 0));
      expect(modelFacts(cnn!.model)).toEqual(referenceFacts(ctx, CNN));
      return { status: 'passed' };
    });
    expect([first.status, second.status]).toEqual(['passed', 'passed']);
    // The second check asked only for the builder not called yet, and its dense model is not the one the first zeroed.
    expect(c.asked).toEqual([['denseModel'], ['cnnModel']]);
    expect(weightSum).toBeGreaterThan(0);
  });

  it('asks a fresh child again: answers are kept per child', async () => {
    const c = child(reference as unknown as Module);
    await withStudentModels(context(c, { reference, childValues: new Map() }), [DENSE], () => ({ status: 'passed' }));
    await withStudentModels(context(c, { reference, childValues: new Map() }), [DENSE], () => ({ status: 'passed' }));
    expect(c.asked).toEqual([['denseModel'], ['denseModel']]);
  });

  it('keeps nothing of a run that failed: the next check on the child asks again', async () => {
    const c = child(reference as unknown as Module, { fail: 1 });
    const childValues = new Map<string, unknown>();
    const failed = await withStudentModels(context(c, { reference, childValues }), [DENSE], () => ({ status: 'passed' }));
    expect(failed).toEqual({ status: 'sandbox', failure: { kind: 'timeout', limitMs: 10 } });
    const next = await withStudentModels(context(c, { reference, childValues }), [DENSE], () => ({ status: 'passed' }));
    expect(next.status).toBe('passed');
    expect(c.asked).toEqual([['denseModel']]);
  });

  it("never hands one builder's answer to another: rnnModel(6) and rnnModel(12) are two answers", async () => {
    const c = child(reference as unknown as Module);
    const childValues = new Map<string, unknown>();
    const ctx = context(c, { reference, childValues });
    const RNN_12 = { ...RNN, args: [12], sample: [12, 1] };
    await withStudentModels(ctx, [RNN], () => ({ status: 'passed' }));
    const shapes: unknown[] = [];
    await withStudentModels(ctx, [RNN_12, RNN], (_tf, models) => {
      for (const m of models) shapes.push(modelFacts(m.model).inputShapes[0]);
      return { status: 'passed' };
    });
    expect(shapes).toEqual([[null, 12, 1], [null, 6, 1]]);
    expect(c.asked).toEqual([['rnnModel'], ['rnnModel']]);
  });
});

describe("the reference's transplant data, kept for the environment", () => {
  const transplanted = async (ctx: CheckContext, builder: Builder, spec = DENSE): Promise<string> => {
    const c = child({ [spec.fn]: builder });
    const run = { ...ctx, run: (cases: Parameters<CheckContext['run']>[0]) => c.run(cases as Parameters<Child['run']>[0]) };
    let kind = '';
    await withStudentModels(run, [spec], async (tfjs, [m]) => {
      kind = (await transplant(run, tfjs, m!)).kind;
      return { status: 'passed' };
    });
    return kind;
  };

  it("gives two different students' models their own verdicts, in any order, from one environment's memo", async () => {
    const ctx = context(child({}), { reference, memo: createMemo() });
    const verdicts = [];
    for (const units of [100, 64, 100, 64]) verdicts.push(await transplanted(ctx, () => denseWith(units)));
    expect(verdicts).toEqual(['same', 'weights-differ', 'same', 'weights-differ']);
    // A model with the reference's shapes but another function (no ReLU) is told apart after the reference's run was kept.
    const linear = (): tf.LayersModel => tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 100 }), tf.layers.dense({ units: 10, activation: 'softmax' })] });
    expect(await transplanted(ctx, linear)).toBe('predictions');
    expect(await transplanted(ctx, () => denseWith(100))).toBe('same');
  });

  it('keeps one reference run per recurrent activation the student chose: both of the notes\' writings pass', async () => {
    const ctx = context(child({}), { reference, memo: createMemo() });
    const lstm = (recurrentActivation: 'sigmoid' | 'hardSigmoid') => (): tf.LayersModel => {
      const input = tf.input({ shape: [20, 8] });
      const outputs = tf.layers.lstm({ units: 16, returnSequences: true, returnState: true, recurrentActivation }).apply(input) as tf.SymbolicTensor[];
      return tf.model({ inputs: input, outputs });
    };
    const verdicts = [];
    for (const a of ['sigmoid', 'hardSigmoid', 'sigmoid'] as const) verdicts.push(await transplanted(ctx, lstm(a), LSTM));
    expect(verdicts).toEqual(['same', 'same', 'same']);
  });
});
