/**
 * The table of layer rules: for each layer class the grader rebuilds, the exact config keys
 * TensorFlow.js reads (as `toJSON` writes them, snake_case), what each may hold, and how the
 * layer transforms a shape and what it costs. tfjs turns every key to camelCase before reading
 * it, so `units_` and `units` both reach `units` (the later wins): only the spellings listed here
 * are accepted, and what the estimate reads is what tfjs builds.
 */
import { MODEL_LIMITS } from './limits.js';
import { constraint, initializer, regularizer } from './objects.js';
import type { JsonObject } from './refusal.js';
import {
  activation, bad, batchShape, bool, falseOnly, int, ints, name, nullable, nullOnly, number, oneOf, type At, type Rule,
} from './values.js';

export type Shape = (number | null)[];

/** What a layer does to one sample: its output shape, parameters, multiply-adds, and the matrices its initializers draw. */
export interface LayerCost {
  readonly shape: Shape;
  readonly params: number;
  readonly macs: number;
  /** Initializer key and the shape of each weight it draws (for the bound on rebuild work, rebuild-work.ts). */
  readonly draws: readonly (readonly [string, readonly number[]])[];
}

export interface LayerRule {
  readonly keys: Readonly<Record<string, Rule>>;
  /** Keys without a default: tfjs cannot build the layer without them. */
  readonly required?: readonly string[];
  readonly cost: (input: Shape, c: JsonObject, at: At) => LayerCost;
}

/** Keys every layer may carry (tfjs' base `Layer`). */
const BASE: Readonly<Record<string, Rule>> = {
  name,
  trainable: bool,
  dtype: nullable(oneOf('float32')),
  batch_input_shape: batchShape,
};

const product = (shape: readonly (number | null)[]): number => shape.reduce<number>((p, d) => p * (d ?? 1), 1);
const lastDim = (input: Shape, at: At): number => {
  const d = input[input.length - 1];
  return typeof d === 'number' ? d : bad(at, 'input shape');
};
const pair = (c: JsonObject, key: string, fallback: [number, number]): [number, number] => {
  const v = c[key];
  if (typeof v === 'number') return [v, v];
  return Array.isArray(v) ? [v[0] as number, v[1] as number] : fallback;
};

/** The keys of a layer with a kernel and a bias (Dense, Conv2D). */
const WEIGHT_KEYS = {
  activation, use_bias: bool,
  kernel_initializer: initializer, bias_initializer: initializer,
  kernel_regularizer: regularizer, bias_regularizer: regularizer, activity_regularizer: regularizer,
  kernel_constraint: constraint, bias_constraint: constraint,
};

const RECURRENT_KEYS = {
  units: int(1, MODEL_LIMITS.recurrentUnits), activation, use_bias: bool,
  kernel_initializer: initializer, recurrent_initializer: initializer, bias_initializer: initializer,
  kernel_regularizer: regularizer, recurrent_regularizer: regularizer, bias_regularizer: regularizer, activity_regularizer: regularizer,
  kernel_constraint: constraint, recurrent_constraint: constraint, bias_constraint: constraint,
  dropout: number(0, 0.99), recurrent_dropout: number(0, 0.99),
  return_sequences: bool, return_state: bool, go_backwards: bool, stateful: falseOnly, unroll: bool,
};

function recurrent(gates: number): LayerRule['cost'] {
  return (input, c, at) => {
    if (input.length !== 3) bad(at, 'input rank');
    const units = c.units as number;
    const inputDim = lastDim(input, at);
    const params = gates * units * (inputDim + units + 1) + (c.reset_after === true ? gates * units : 0);
    const steps = input[1] ?? 1;
    const out: Shape = c.return_sequences === true ? [null, input[1] ?? null, units] : [null, units];
    return {
      shape: out, params, macs: steps * gates * units * (inputDim + units),
      draws: [['kernel_initializer', [inputDim, gates * units]], ['recurrent_initializer', [units, gates * units]], ...biasDraw(c, gates * units)],
    };
  };
}

function pooling(): LayerRule {
  return {
    keys: { pool_size: ints(2), padding: oneOf('valid', 'same'), strides: nullable(ints(2)), data_format: oneOf('channels_last', 'channels_first') },
    cost: (input, c, at) => {
      if (input.length !== 4) bad(at, 'input rank');
      const [ph, pw] = pair(c, 'pool_size', [2, 2]);
      const [sh, sw] = pair(c, 'strides', [ph, pw]);
      const first = c.data_format === 'channels_first';
      const [h, w, ch] = first ? [input[2], input[3], input[1]] : [input[1], input[2], input[3]];
      const out = (n: number | null | undefined, k: number, s: number): number => {
        if (typeof n !== 'number') return bad(at, 'input shape');
        const size = c.padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
        return size >= 1 ? size : bad(at, 'pool_size');
      };
      const oh = out(h, ph, sh), ow = out(w, pw, sw);
      return { shape: first ? [null, ch ?? null, oh, ow] : [null, oh, ow, ch ?? null], params: 0, macs: oh * ow * ph * pw * (ch ?? 1), draws: [] };
    },
  };
}

const biasDraw = (c: JsonObject, size: number): (readonly [string, readonly number[]])[] => (c.use_bias === false ? [] : [['bias_initializer', [size]]]);

const passThrough = (input: Shape): LayerCost => ({ shape: input, params: 0, macs: 0, draws: [] });

/** Layer classes the grader rebuilds: those of the notes, and a few common neighbours. */
export const LAYER_RULES: Readonly<Record<string, LayerRule>> = {
  InputLayer: { keys: { sparse: falseOnly }, cost: passThrough },
  Dense: {
    keys: { units: int(1), ...WEIGHT_KEYS },
    required: ['units'],
    cost: (input, c, at) => {
      const units = c.units as number;
      const inputDim = lastDim(input, at);
      return {
        shape: [...input.slice(0, -1), units],
        params: (inputDim + (c.use_bias === false ? 0 : 1)) * units,
        macs: product(input) * units,
        draws: [['kernel_initializer', [inputDim, units]], ...biasDraw(c, units)],
      };
    },
  },
  Conv2D: {
    keys: { filters: int(1), kernel_size: ints(2), strides: ints(2), padding: oneOf('valid', 'same'), data_format: oneOf('channels_last', 'channels_first'), dilation_rate: ints(2), ...WEIGHT_KEYS },
    required: ['filters', 'kernel_size'],
    cost: (input, c, at) => {
      if (input.length !== 4) bad(at, 'input rank');
      const filters = c.filters as number;
      const [kh, kw] = pair(c, 'kernel_size', [0, 0]);
      const [sh, sw] = pair(c, 'strides', [1, 1]);
      const [dh, dw] = pair(c, 'dilation_rate', [1, 1]);
      if ((sh > 1 || sw > 1) && (dh > 1 || dw > 1)) bad(at, 'dilation_rate');
      const first = c.data_format === 'channels_first';
      const [h, w, ch] = first ? [input[2], input[3], input[1]] : [input[1], input[2], input[3]];
      if (typeof ch !== 'number') return bad(at, 'input channels');
      const out = (n: number | null | undefined, k: number, s: number, d: number): number => {
        if (typeof n !== 'number') return bad(at, 'input shape');
        const size = c.padding === 'same' ? Math.ceil(n / s) : Math.floor((n - ((k - 1) * d + 1)) / s) + 1;
        return size >= 1 ? size : bad(at, 'kernel_size');
      };
      const oh = out(h, kh, sh, dh), ow = out(w, kw, sw, dw);
      return {
        shape: first ? [null, filters, oh, ow] : [null, oh, ow, filters],
        params: kh * kw * ch * filters + (c.use_bias === false ? 0 : filters),
        macs: oh * ow * kh * kw * ch * filters,
        draws: [['kernel_initializer', [kh, kw, ch, filters]], ...biasDraw(c, filters)],
      };
    },
  },
  MaxPooling2D: pooling(),
  AveragePooling2D: pooling(),
  Flatten: {
    keys: { data_format: nullable(oneOf('channels_last', 'channels_first')) },
    cost: (input, _c, at) => (input.slice(1).some((d) => d === null) ? bad(at, 'input shape') : { shape: [null, product(input.slice(1))], params: 0, macs: 0, draws: [] }),
  },
  Activation: { keys: { activation }, cost: passThrough },
  ReLU: { keys: { max_value: nullable(number(0, 1e6)) }, cost: passThrough },
  // tfjs' softmax runs on the last axis only: any other axis makes predict throw.
  Softmax: {
    keys: { axis: nullable(int(-1, 5)) },
    cost: (input, c, at) => (c.axis === undefined || c.axis === null || c.axis === -1 || c.axis === input.length - 1 ? passThrough(input) : bad(at, 'axis')),
  },
  Dropout: { keys: { rate: number(0, 0.99), noise_shape: nullOnly, seed: nullable(int(0, 2 ** 31)) }, cost: passThrough },
  SimpleRNN: { keys: RECURRENT_KEYS, required: ['units'], cost: recurrent(1) },
  LSTM: { required: ['units'], keys: { ...RECURRENT_KEYS, recurrent_activation: activation, unit_forget_bias: nullable(bool), implementation: nullable(int(1, 2)) }, cost: recurrent(4) },
  GRU: { required: ['units'], keys: { ...RECURRENT_KEYS, recurrent_activation: activation, implementation: nullable(int(1, 2)), reset_after: bool }, cost: recurrent(3) },
  Reshape: {
    required: ['target_shape'],
    keys: { target_shape: (v, at) => (Array.isArray(v) && v.length >= 1 && v.length <= 5 && v.every((d) => d === -1 || (typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= MODEL_LIMITS.dimension)) ? undefined : bad(at)) },
    cost: (input, c, at) => {
      const dims = c.target_shape as number[];
      const known = dims.filter((d) => d !== -1).reduce((p, d) => p * d, 1);
      const total = product(input.slice(1));
      const filled = dims.map((d) => (d === -1 ? total / known : d));
      if (dims.filter((d) => d === -1).length > 1 || product(filled) !== total || !filled.every((d) => Number.isInteger(d) && d >= 1)) bad(at, 'target_shape');
      return { shape: [null, ...filled], params: 0, macs: 0, draws: [] };
    },
  },
  BatchNormalization: {
    keys: {
      axis: int(-1, 5), momentum: number(0, 1), epsilon: number(1e-12, 1), center: bool, scale: bool,
      beta_initializer: initializer, gamma_initializer: initializer, moving_mean_initializer: initializer, moving_variance_initializer: initializer,
      beta_regularizer: regularizer, gamma_regularizer: regularizer, beta_constraint: constraint, gamma_constraint: constraint,
    },
    cost: (input, c, at) => {
      const axis = typeof c.axis === 'number' ? (c.axis < 0 ? input.length + c.axis : c.axis) : input.length - 1;
      const d = input[axis];
      if (axis < 1 || typeof d !== 'number') bad(at, 'axis');
      const draws = (['gamma', 'beta', 'moving_mean', 'moving_variance'] as const)
        .filter((w) => !(w === 'gamma' && c.scale === false) && !(w === 'beta' && c.center === false))
        .map((w): readonly [string, readonly number[]] => [`${w}_initializer`, [d as number]]);
      return { shape: input, params: 4 * (d as number), macs: product(input) * 2, draws };
    },
  },
};

/** The class names of {@link LAYER_RULES}, in the table's order, for messages. */
export const LAYER_CLASSES: readonly string[] = Object.keys(LAYER_RULES);

/** The keys a layer of `className` may carry: its own and the base layer's. */
export const keysOf = (className: string): Readonly<Record<string, Rule>> => ({ ...BASE, ...LAYER_RULES[className]!.keys });

export { product };
