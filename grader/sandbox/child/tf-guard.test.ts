import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { COSTLY_DRAW, guardCostlyDraws } from './tf-guard.js';

type Apply = (shape: number[], dtype?: string) => unknown;
const proto = Object.getPrototypeOf(tf.initializers.orthogonal({})) as { apply: Apply };
const unguarded = proto.apply;
// The guard patches tfjs' shared class: this file's tfjs is put back as it was.
afterAll(() => {
  proto.apply = unguarded;
});

const rnn = (units: number): tf.Sequential => tf.sequential({ layers: [tf.layers.simpleRNN({ units, inputShape: [6, 1] })] });

/** What a builder throws, or undefined when it builds. */
function thrown(build: () => tf.LayersModel): Error | undefined {
  try {
    build().dispose();
    return undefined;
  } catch (e) {
    return e as Error;
  }
}

describe('the child refuses a costly Orthogonal draw before it starts', () => {
  guardCostlyDraws(tf);

  it('a SimpleRNN of 2000 units throws the named error, its matrix in the message, without drawing', () => {
    const error = thrown(() => rnn(2000));
    expect(error?.name).toBe(COSTLY_DRAW);
    expect(error?.message).toBe('2000x2000');
  });

  it("an LSTM's recurrent kernel is named by the matrix tfjs factorises", () => {
    const error = thrown(() => tf.sequential({ layers: [tf.layers.lstm({ units: 1000, inputShape: [20, 8] })] }));
    expect(error).toMatchObject({ name: COSTLY_DRAW, message: '1000x4000' });
  });

  it.each([20, 48, 96])('a SimpleRNN of %i units, under the budget, still builds, with its orthogonal weights', (units) => {
    const model = rnn(units);
    const recurrent = model.layers[0]!.getWeights()[1]!;
    // Orthogonal: Q^T Q = I, so the weights really were drawn, not refused nor zeroed.
    const gram = tf.matMul(recurrent, recurrent, true, false);
    expect(tf.sub(gram, tf.eye(units)).abs().max().dataSync()[0]).toBeLessThan(1e-3);
    model.dispose();
  });

  it('guarding twice wraps once, and a module that is not tfjs is left alone', () => {
    const once = proto.apply;
    guardCostlyDraws(tf);
    expect(proto.apply).toBe(once);
    expect(() => guardCostlyDraws({ initializers: 3 })).not.toThrow();
    expect(() => guardCostlyDraws(undefined)).not.toThrow();
  });
});
