import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { prlimitPath } from '../io/helper-process.js';
import { createModelGuard, modelGuardOptions } from './rebuild-guard.js';

const dense = (units: number, inputs: number, init?: unknown) => ({
  class_name: 'Sequential',
  config: { name: 's', layers: [{ class_name: 'Dense', config: { units, batch_input_shape: [null, inputs], ...(init ? { kernel_initializer: init } : {}) } }] },
});
const orthogonal = { class_name: 'Orthogonal', config: { gain: 1, seed: null } };

/**
 * The trial rebuild: TensorFlow.js rebuilds a student's model in a process of its own first,
 * under a CPU budget and a memory cap; the grader rebuilds only what passed. The models here are
 * ones the JSON check refuses (it is not asked): the guard is what would stop them if it missed
 * them.
 */
describe('createModelGuard', () => {
  const guard = createModelGuard();
  afterAll(() => guard.close());

  it("passes the notes' dense network", async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 100, activation: 'relu' }), tf.layers.dense({ units: 10, activation: 'softmax' })] });
    const topology = JSON.parse(JSON.stringify(model.toJSON(null, false))) as Record<string, unknown>;
    model.dispose();
    await expect(guard.trial(topology)).resolves.toBeUndefined();
  });

  it('refuses a rebuild past its CPU budget: an Orthogonal 1000x1000 kernel, about 20 s of QR factorisation, against 2 s', async () => {
    await expect(guard.trial(dense(1000, 1000, orthogonal))).resolves.toEqual({ kind: 'rebuild-time', limitMs: 2000 });
  });

  it.skipIf(prlimitPath() === undefined)('refuses a rebuild past its memory cap (a 784 x 600,000 kernel, 1.9 GB), and the next trial runs in a fresh process', async () => {
    await expect(guard.trial(dense(600_000, 784))).resolves.toEqual({ kind: 'rebuild-memory', limitMb: 1536 });
    await expect(guard.trial(dense(10, 784))).resolves.toBeUndefined();
  });

  it('lets a model whose rebuild throws through: the grader rebuilds it and reports its error', async () => {
    await expect(guard.trial({ class_name: 'Sequential', config: { name: 's', layers: [{ class_name: 'Dense', config: { batch_input_shape: [null, 4] } }] } })).resolves.toBeUndefined();
  });

  it.each([
    [{ NEUROGRADE_MODEL_REBUILD_CPU_MS: '300' }, { cpuMs: 300 }],
    [{}, {}],
  ])('reads its CPU budget from the environment: %j', (env, options) => {
    expect(modelGuardOptions(env)).toEqual(options);
  });

  it('refuses a budget that is not a whole number of milliseconds', () => {
    expect(() => modelGuardOptions({ NEUROGRADE_MODEL_REBUILD_CPU_MS: 'fast' })).toThrow(/NEUROGRADE_MODEL_REBUILD_CPU_MS must be a whole number of milliseconds/);
  });
});
