import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { cnnModel, deepCnnModel, denseModel, lstmModel, rnnModel } from '../../../reference/models.js';
import { inspectTopology } from './inspect.js';
import { MODEL_LIMITS } from './limits.js';
import type { Refusal } from './refusal.js';

const topology = (m: tf.LayersModel): unknown => JSON.parse(JSON.stringify(m.toJSON(null, false)));
const dense = (units: number, inputShape = [784]) => ({ class_name: 'Dense', config: { units, activation: 'relu', batch_input_shape: [null, ...inputShape] } });
const sequential = (...layers: unknown[]) => ({ class_name: 'Sequential', config: { name: 's', layers } });

describe('inspectTopology accepts the notes models with exact estimates', () => {
  it.each([
    ['denseModel', 79_510, denseModel],
    ['cnnModel', 108_810, cnnModel],
    ['deepCnnModel', 82_870, deepCnnModel],
    ['rnnModel(6)', 551, () => rnnModel(6)],
    ['lstmModel', 1_600, lstmModel],
  ] as const)('%s: %i parameters', (_, params, make) => {
    const model = make();
    const r = inspectTopology(topology(model));
    expect(r.ok && r.estimate.params).toBe(params);
    expect(model.countParams()).toBe(params);
    // Far within the bound on rebuild work: at most a tenth of it (the notes' models cost 0.5 to 0.8 million units).
    expect(r.ok && r.estimate.rebuildWork).toBeLessThan(MODEL_LIMITS.rebuildWork / 10);
  });
});

describe('inspectTopology bounds the work of rebuilding a model over all its layers', () => {
  const orthogonal = { class_name: 'Orthogonal', config: { gain: 1, seed: null } };
  // n SimpleRNN layers of `units`, each drawing its kernel and recurrent kernel by Orthogonal (128 QR factorisations for 64 layers).
  const rnnStack = (n: number, units: number) => sequential(...Array.from({ length: n }, (_, i) => ({
    class_name: 'SimpleRNN',
    config: { units, return_sequences: i < n - 1, kernel_initializer: orthogonal, recurrent_initializer: orthogonal, ...(i === 0 ? { batch_input_shape: [null, 2, units] } : {}) },
  })));
  const normal = { class_name: 'RandomNormal', config: { mean: 0, stddev: 0.05, seed: null } };

  it('accepts the most costly stack of small Orthogonal draws (tests/fixtures/hostile-models/rebuild.ts), just under the bound', () => {
    const r = inspectTopology(rnnStack(64, 3));
    expect(r.ok && r.estimate.rebuildWork).toBeGreaterThan(0.9 * MODEL_LIMITS.rebuildWork);
    expect(r.ok && r.estimate.rebuildWork).toBeLessThanOrEqual(MODEL_LIMITS.rebuildWork);
  });

  it.each<[string, unknown, Partial<Refusal>]>([
    // Each draw small (the per-draw bound of before let these through: 0.8 s of CPU a rebuild, 4.7 times a correct submission's grading).
    ['64 SimpleRNN layers of 48 units, two Orthogonal draws each', rnnStack(64, 48), { kind: 'costly-rebuild', layers: 64, orthogonal: 128, maxMs: 100 }],
    ['the same with 4 units: just over the bound', rnnStack(64, 4), { kind: 'costly-rebuild', layers: 64, orthogonal: 128, maxMs: 100 }],
    ['eight Orthogonal 96x96 kernels, each far within the bound', sequential(...Array.from({ length: 8 }, (_, i) => ({ class_name: 'Dense', config: { units: 96, kernel_initializer: orthogonal, ...(i === 0 ? { batch_input_shape: [null, 96] } : {}) } }))),
      { kind: 'costly-rebuild', layers: 8, orthogonal: 8 }],
    ['4.7 million weights drawn from a normal distribution (within the parameter bound)', sequential({ ...dense(2400), config: { ...dense(2400).config, kernel_initializer: normal } }, { class_name: 'Dense', config: { units: 1200, kernel_initializer: normal } }),
      { kind: 'costly-rebuild', layers: 2, orthogonal: 0 }],
  ])('refuses %s, with the estimated cost', (_, t, expected) => {
    const r = inspectTopology(t);
    expect(r.ok ? undefined : r.refusal).toMatchObject(expected);
    const refusal = r.ok ? undefined : r.refusal;
    if (refusal?.kind === 'costly-rebuild') expect(refusal.ms).toBeGreaterThan(refusal.maxMs);
  });

  it('counts a weight drawn uniformly (tfjs\' default) at a third of a normal draw: 4.7 million of them are accepted', () => {
    const r = inspectTopology(sequential(dense(2400), { class_name: 'Dense', config: { units: 1200 } }));
    expect(r.ok).toBe(true);
  });
});

describe('inspectTopology refuses what could make the grader allocate too much or run foreign code', () => {
  const refusal = (t: unknown): Refusal | undefined => {
    const r = inspectTopology(t);
    return r.ok ? undefined : r.refusal;
  };

  it.each<[string, unknown, Partial<Refusal>]>([
    ['a string', 'Sequential', { kind: 'not-a-model' }],
    ['an unknown topology class', { class_name: 'Lambda', config: {} }, { kind: 'not-a-model' }],
    ['a layer class outside the whitelist', sequential(dense(10), { class_name: 'UpSampling2D', config: { size: [2, 2] } }), { kind: 'layer-class', index: 2, className: 'UpSampling2D' }],
    ['a nested model', sequential(dense(10), sequential(dense(4, [10]))), { kind: 'layer-class', index: 2, className: 'Sequential' }],
    ['millions of parameters in one Dense layer', sequential(dense(10_000)), { kind: 'too-many-params' }],
    ['a huge input declared by the first layer', sequential(dense(1, [2_000, 2_000])), { kind: 'too-large-output', index: 1 }],
    ['a dimension past the bound', sequential(dense(1, [MODEL_LIMITS.dimension + 1])), { kind: 'bad-config', field: 'batch_input_shape' }],
    ['a fractional number of units', sequential(dense(2.5)), { kind: 'bad-config', field: 'units' }],
    ['no input shape', sequential({ class_name: 'Dense', config: { units: 3 } }), { kind: 'no-input-shape' }],
    ['too many layers', sequential(dense(4), ...Array.from({ length: MODEL_LIMITS.layers }, () => ({ class_name: 'Dropout', config: { rate: 0.1 } }))), { kind: 'too-many-layers' }],
    ['a recurrent layer with a costly orthogonal kernel', sequential({ class_name: 'LSTM', config: { units: 2000, batch_input_shape: [null, 4, 1] } }), { kind: 'bad-config', field: 'units' }],
    ['a layer whose output is too large', sequential({ class_name: 'Conv2D', config: { filters: 400, kernel_size: [5, 5], padding: 'same', batch_input_shape: [null, 100, 100, 3] } }), { kind: 'too-large-output' }],
    ['a convolution that computes too much', sequential({ class_name: 'Conv2D', config: { filters: 64, kernel_size: 3, padding: 'same', batch_input_shape: [null, 100, 100, 64] } }), { kind: 'too-much-compute' }],
    ['an Orthogonal kernel initializer on a 2000-unit Dense (a QR factorisation of 2000x2000 in the grader)',
      sequential({ class_name: 'Dense', config: { units: 2000, batch_input_shape: [null, 2000], kernel_initializer: { class_name: 'Orthogonal', config: { gain: 1, seed: null } } } }),
      { kind: 'costly-initializer', index: 1, field: 'kernel_initializer', shape: [2000, 2000] }],
    // Measured: 98 s in the grader (its recurrent kernel is 512x2048, drawn by tfjs' default, Orthogonal).
    ['an LSTM of 512 units whose recurrent initializer is left to the default', sequential({ class_name: 'LSTM', config: { units: 512, batch_input_shape: [null, 2, 1] } }),
      { kind: 'costly-initializer', index: 1, field: 'recurrent_initializer', shape: [512, 2048] }],
    // One draw alone past the bound on the whole model's rebuild work (245 ms measured against 100 allowed).
    ['an Orthogonal 256x256 kernel', sequential({ class_name: 'Dense', config: { units: 256, kernel_initializer: { class_name: 'Orthogonal', config: { gain: 1, seed: null } }, batch_input_shape: [null, 256] } }),
      { kind: 'costly-initializer', index: 1, field: 'kernel_initializer', shape: [256, 256] }],
    ['an L1L2(1e308) regularizer', sequential({ ...dense(10), config: { ...dense(10).config, kernel_regularizer: { class_name: 'L1L2', config: { l1: 1e308, l2: 0 } } } }),
      { kind: 'bad-config', field: 'kernel_regularizer.config.l1' }],
    ['a VarianceScaling(scale 1e308) initializer', sequential({ ...dense(10), config: { ...dense(10).config, kernel_initializer: { class_name: 'VarianceScaling', config: { scale: 1e308, mode: 'fan_avg', distribution: 'normal', seed: null } } } }),
      { kind: 'bad-config', field: 'kernel_initializer.config.scale' }],
    ['an initializer class outside the table', sequential({ ...dense(10), config: { ...dense(10).config, kernel_initializer: { class_name: 'Lambda', config: {} } } }),
      { kind: 'bad-config', field: 'kernel_initializer.class_name' }],
    ['an initializer config key tfjs would read under another name', sequential({ ...dense(10), config: { ...dense(10).config, kernel_initializer: { class_name: 'RandomNormal', config: { stddev: 0.05, stddev_: 1e30 } } } }),
      { kind: 'unknown-key', key: 'kernel_initializer.config.stddev_' }],
    ['a constraint with an unbounded parameter', sequential({ ...dense(10), config: { ...dense(10).config, kernel_constraint: { class_name: 'MaxNorm', config: { max_value: 1e300, axis: 0 } } } }),
      { kind: 'bad-config', field: 'kernel_constraint.config.max_value' }],
    // tfjs camel-cases every key: "units_" is read as "units" and, written after it, wins.
    ['an aliased key: units, then units_ (what tfjs builds differs from what was checked)', sequential({ class_name: 'Dense', config: { units: 10, units_: 500_000, batch_input_shape: [null, 784] } }),
      { kind: 'unknown-key', index: 1, className: 'Dense', key: 'units_' }],
    ['a key of another layer class', sequential({ class_name: 'Dense', config: { units: 10, batch_input_shape: [null, 784], filters: 3 } }), { kind: 'unknown-key', key: 'filters' }],
    ['call arguments hidden in an inbound node', JSON.parse(JSON.stringify({ class_name: 'Model', config: { name: 'm', layers: [
      { name: 'i', class_name: 'InputLayer', config: { batch_input_shape: [null, 4] }, inbound_nodes: [] },
      { name: 'd', class_name: 'Dense', config: { units: 2 }, inbound_nodes: [[['i', 0, 0, { training: true }]]] },
    ], input_layers: [['i', 0, 0]], output_layers: [['d', 0, 0]] } })), { kind: 'not-a-chain' }],
    ['a softmax over the batch axis (tfjs cannot compute it: predict throws)', sequential(dense(10), { class_name: 'Softmax', config: { axis: 0 } }), { kind: 'bad-config', index: 2, field: 'axis' }],
    ['a number that is not finite', sequential({ class_name: 'Dropout', config: { rate: Infinity, batch_input_shape: [null, 4] } }), { kind: 'not-a-model' }],
    ['a key that would reach a prototype', JSON.parse('{"class_name":"Sequential","config":{"layers":[],"__proto__":{"polluted":1}}}'), { kind: 'not-a-model' }],
  ])('%s', (_, t, expected) => {
    expect(refusal(t)).toMatchObject(expected);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a functional model that is not a single chain', () => {
    const input = tf.input({ shape: [4] });
    const a = tf.layers.dense({ units: 3 }).apply(input) as tf.SymbolicTensor;
    const b = tf.layers.dense({ units: 3 }).apply(input) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: [a, b] });
    expect(refusal(topology(model))).toMatchObject({ kind: 'not-a-chain' });
  });

  it('returns a plain copy: the decoded wire objects (no prototype) never reach tfjs', () => {
    const bare = Object.assign(Object.create(null) as object, topology(denseModel()));
    const r = inspectTopology(bare);
    expect(r.ok && Object.getPrototypeOf(r.topology)).toBe(Object.prototype);
  });
});
