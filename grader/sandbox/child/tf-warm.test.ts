import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { warmInitializers } from './tf-warm.js';

const layerName = (): string => tf.layers.dense({ units: 1 }).name;
const counted = (name: string): number => Number(/(\d+)$/.exec(name)?.[1]);

describe('warming tfjs in a child that waits for its module', () => {
  it('makes no layer, variable or tensor that graded code could see: the next layer is named as it would have been', () => {
    const before = layerName();
    const tensors = tf.memory().numTensors;
    const variables = tf.engine().state.registeredVariables;
    const registered = Object.keys(variables).length;
    warmInitializers(tf);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(Object.keys(tf.engine().state.registeredVariables).length).toBe(registered);
    expect(counted(layerName())).toBe(counted(before) + 1);
  });

  it.each([
    ['a module that is not tfjs', { default: 1 }],
    ['nothing', undefined],
    ['a tfjs whose initializers throw', { tidy: (f: () => unknown) => f(), initializers: { glorotUniform: () => ({ apply: () => { throw new Error('broken'); } }) } }],
  ])('leaves %s alone and never throws', (_name, mod) => {
    expect(() => warmInitializers(mod)).not.toThrow();
  });
});
