import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cnnModel, deepCnnModel, denseModel, lstmModel, rnnModel } from '../../reference/models.js';
import { initBackend } from './backend.js';
import { compileSettings, NotSerializableError, rebuildModel, serializeModel } from './model-json.js';

beforeAll(async () => {
  await initBackend();
});

/** Through a real process boundary: JSON text, nothing callable survives. */
const wire = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('model JSON across the process boundary', () => {
  it('reads compile settings back in Keras training-config form', () => {
    expect(compileSettings(denseModel())).toEqual({
      loss: 'categorical_crossentropy', metrics: ['accuracy'],
      optimizer_config: { class_name: 'Adam', config: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } },
    });
    expect(compileSettings(rnnModel(6))).toMatchObject({ loss: 'mean_squared_error', metrics: [], optimizer_config: { class_name: 'RMSProp' } });
    expect(compileSettings(lstmModel())).toBeNull();
  });

  it.each([['denseModel', denseModel], ['cnnModel', cnnModel], ['deepCnnModel', deepCnnModel], ['rnnModel(6)', () => rnnModel(6)], ['lstmModel', lstmModel]] as const)(
    '%s rebuilds with the same layers, parameter count and compile settings',
    async (_, make) => {
      const original = make();
      const rebuilt = await rebuildModel(tf, wire(serializeModel(original)));
      expect(rebuilt).not.toBe(original);
      expect(rebuilt.countParams()).toBe(original.countParams());
      expect(rebuilt.layers.map((l) => [l.getClassName(), l.outputShape])).toEqual(original.layers.map((l) => [l.getClassName(), l.outputShape]));
      expect(compileSettings(rebuilt)).toEqual(compileSettings(original));
      if (original.optimizer) expect(rebuilt.loss).toBe(original.loss);
      else expect(rebuilt.optimizer).toBeUndefined();
    },
  );

  it('keeps a student optimizer with its own rate and metric functions by name', async () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 2, activation: 'softmax' })] });
    m.compile({ optimizer: tf.train.sgd(0.25), loss: 'categoricalCrossentropy', metrics: ['acc', tf.metrics.categoricalAccuracy] });
    const rebuilt = await rebuildModel(tf, wire(serializeModel(m)));
    expect(rebuilt.optimizer.getClassName()).toBe('SGD');
    expect((rebuilt.optimizer.getConfig() as { learningRate: number }).learningRate).toBe(0.25);
    expect(rebuilt.metrics).toEqual(['acc', 'categoricalAccuracy']);
    expect(rebuilt.metricsNames).toEqual(['loss', 'acc', 'categoricalAccuracy']);
  });

  it('refuses a loss function of its own loudly (tfjs would ship it as {})', () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [3], units: 2 })] });
    m.compile({ optimizer: 'adam', loss: ((a: tf.Tensor, b: tf.Tensor) => tf.sub(a, b)) as unknown as string });
    expect(() => serializeModel(m)).toThrow(NotSerializableError);
  });
});
