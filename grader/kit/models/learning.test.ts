import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as reference from '../../../reference/models.js';
import { createModelResults } from '../../tf/model-results.js';
import { createMemo } from '../memo.js';
import { sineData, type DataSize, type TaskData } from './data.js';
import { child, context } from './fake-child.js';
import { learningCheck } from './learning.js';
import { RNN } from '../../../exercises/models/specs.js';

/** The notes' RNN with a tanh SimpleRNN: another model than the reference's, so it trains. */
function tanhRnn(): tf.LayersModel {
  const model = tf.sequential({ layers: [tf.layers.simpleRNN({ units: 20, activation: 'tanh', inputShape: [6, 1] }), tf.layers.dense({ units: 5, activation: 'relu' }), tf.layers.dense({ units: 1 })] });
  model.compile({ optimizer: 'rmsprop', loss: 'meanSquaredError' });
  return model;
}

/** A learning check of the tanh RNN on sine windows: `epochs` epochs and as many starts, its data from `data`. */
const sineCheck = (epochs: number, data: Parameters<typeof learningCheck>[0]['data']): ReturnType<typeof learningCheck> =>
  learningCheck({
    id: 'rnn-learns-test',
    title: { en: 'rnnModel(6) learns', fr: 'rnnModel(6) apprend' },
    spec: RNN,
    budget: { epochs, batchSize: 16, maxSamples: 80 },
    pass: { kind: 'mse-below', max: 0.1, starts: epochs, constant: 0.53 },
    data,
  });

describe('a learning check whose trainings were kept', () => {
  it('loads no data when every training it needs was kept from before, and says the same', async () => {
    let loads = 0;
    const size: DataSize = { name: 'sine', train: 80 };
    const check = sineCheck(2, (_ctx, tfjs) => ({ key: 'sine-6-test', load: (): TaskData => ((loads += 1), sineData(tfjs, 6)), size }));
    // The store a batch's workers share; each environment its own memo (a worker, a rerun).
    const modelResults = createModelResults({ version: 'learning-test' });
    const grade = () => check.run({ ...context(child({ rnnModel: tanhRnn }), { reference, memo: createMemo(), childValues: new Map() }), modelResults });
    const first = await grade();
    expect(loads).toBe(1);
    expect(first.status).toMatch(/^(passed|failed)$/);
    const again = await grade();
    expect(loads).toBe(1);
    expect(again).toEqual(first);
  });

  it('refuses data that are not what their check declared', async () => {
    const check = sineCheck(1, (_ctx, tfjs) => ({ key: 'sine-6-wrong', load: () => sineData(tfjs, 6), size: { name: 'sine', train: 81 } }));
    const ctx = { ...context(child({ rnnModel: tanhRnn }), { reference, childValues: new Map() }), modelResults: createModelResults({ version: 'learning-test-2' }) };
    await expect(check.run(ctx)).rejects.toThrow(/declared as 81 sine samples, but 80 sine loaded/);
  });
});
