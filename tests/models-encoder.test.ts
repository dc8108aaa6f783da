import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { encodeModel } from '../grader/sandbox/child/model.js';
import { decodeValue, encodeValue, type WireModel } from '../grader/sandbox/wire.js';
import { compileSettings, rebuildModel } from '../grader/tf/model-json.js';
import { cnnModel, denseModel, lstmModel, rnnModel } from '../reference/models.js';

/** What the parent receives from the child: encoded, sent as JSON text, decoded. */
const acrossTheBoundary = (value: unknown): unknown =>
  decodeValue(JSON.parse(JSON.stringify(encodeValue(value, { maxItems: 1_000_000, maxDepth: 64 }, encodeModel))));

describe("the child's model encoder", () => {
  it.each([['denseModel', denseModel], ['cnnModel', cnnModel], ['rnnModel(6)', () => rnnModel(6)], ['lstmModel', lstmModel]] as const)(
    'sends %s as exactly what rebuildModel reads: same layers, parameters and compile settings',
    async (_, make) => {
      const original = make();
      const wire = acrossTheBoundary(original) as WireModel;
      expect(wire.kind).toBe('model');
      const rebuilt = await rebuildModel(tf, { topology: JSON.parse(JSON.stringify(wire.topology)), training: JSON.parse(JSON.stringify(wire.compile)) });
      expect(rebuilt.countParams()).toBe(original.countParams());
      expect(rebuilt.layers.map((l) => l.getClassName())).toEqual(original.layers.map((l) => l.getClassName()));
      expect(compileSettings(rebuilt)).toEqual(compileSettings(original));
    },
  );

  it('reports a loss given as a function of its own instead of letting tfjs drop it', () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 2 })] });
    const mine = (a: tf.Tensor, b: tf.Tensor) => tf.losses.meanSquaredError(a, b);
    m.compile({ optimizer: 'adam', loss: mine as unknown as string });
    const wire = acrossTheBoundary(m) as WireModel;
    expect(wire.compile).toEqual({ unserializable: expect.stringMatching(/the loss is a function of its own/) });
  });

  it.each([
    ['tf.metrics.categoricalCrossentropy', tf.metrics.categoricalCrossentropy, 'categorical_crossentropy'],
    ['tf.losses.meanSquaredError (an op named meanSquaredError__op)', tf.losses.meanSquaredError, 'mean_squared_error'],
  ])("sends a loss given as TensorFlow.js's own function %s by its name", (_, fn, name) => {
    const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 2 })] });
    m.compile({ optimizer: 'adam', loss: fn as unknown as string });
    expect((acrossTheBoundary(m) as WireModel).compile).toMatchObject({ loss: name });
  });

  it('leaves anything that is not a model to the generic encoder', () => {
    expect(encodeModel({ toJSON: () => '{}', layers: 'not an array' })).toBeUndefined();
    expect(encodeModel([1, 2, 3])).toBeUndefined();
  });
});
