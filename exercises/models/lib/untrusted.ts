/**
 * The student's model arrives as data written by code we do not trust. Before tfjs rebuilds it
 * (allocating every weight), this file decides from the JSON alone whether rebuilding is safe:
 * a whitelist of layer classes, a plain chain of layers, and upper bounds on layers, parameters,
 * activations and multiply-adds, estimated by propagating shapes through the configs. A refusal
 * is data (a student's fault), never an exception.
 */

/** Bounds on what the grader agrees to rebuild and train. */
export const MODEL_LIMITS = {
  layers: 64,
  params: 5_000_000,
  /** Values one layer outputs for one sample. */
  outputElements: 1_000_000,
  /** Values all layers output for one sample (training keeps them all). */
  totalElements: 3_000_000,
  /** Multiply-adds of one sample's forward pass (the notes' deep CNN: about 3 million). */
  macs: 60_000_000,
  /** Any one dimension of an input, kernel or output. */
  dimension: 100_000,
  /** Units of a recurrent layer (its recurrent kernel is drawn by a costly orthogonal initializer). */
  recurrentUnits: 512,
  /** Nesting depth and items of the JSON itself. */
  depth: 24,
  items: 200_000,
} as const;

/** Layer classes the grader rebuilds: those of the notes, and a few common neighbours. */
export const LAYER_CLASSES = [
  'InputLayer', 'Dense', 'Conv2D', 'MaxPooling2D', 'AveragePooling2D', 'Flatten', 'Activation', 'ReLU', 'Softmax',
  'Dropout', 'SimpleRNN', 'LSTM', 'GRU', 'Reshape', 'BatchNormalization',
] as const;

/** Why a model was refused, as data for a message. */
export type Refusal =
  | { readonly kind: 'not-a-model'; readonly detail: string }
  | { readonly kind: 'layer-class'; readonly index: number; readonly className: string }
  | { readonly kind: 'not-a-chain'; readonly detail: string }
  | { readonly kind: 'no-input-shape' }
  | { readonly kind: 'bad-config'; readonly index: number; readonly className: string; readonly field: string }
  | { readonly kind: 'too-many-layers'; readonly count: number; readonly max: number }
  | { readonly kind: 'too-many-params'; readonly estimate: number; readonly max: number }
  | { readonly kind: 'too-large-output'; readonly index: number; readonly className: string; readonly elements: number; readonly max: number }
  | { readonly kind: 'too-much-compute'; readonly estimate: number; readonly max: number };

/** What the estimate says about an accepted model. */
export interface Estimate {
  readonly params: number;
  readonly macs: number;
  readonly totalElements: number;
}

export type Inspection =
  | { readonly ok: true; readonly topology: Record<string, unknown>; readonly estimate: Estimate }
  | { readonly ok: false; readonly refusal: Refusal };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Shape = (number | null)[];

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.kind);
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// A fresh plain-JSON copy (ordinary prototypes, no forbidden keys), bounded in depth and size.
function plainJson(value: unknown): Json {
  let items = 0;
  const walk = (v: unknown, depth: number): Json => {
    if (depth > MODEL_LIMITS.depth) throw new Refused({ kind: 'not-a-model', detail: `nested deeper than ${MODEL_LIMITS.depth} levels` });
    if (++items > MODEL_LIMITS.items) throw new Refused({ kind: 'not-a-model', detail: `more than ${MODEL_LIMITS.items} values` });
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (typeof v === 'object') {
      const out: { [key: string]: Json } = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (FORBIDDEN_KEYS.has(k)) throw new Refused({ kind: 'not-a-model', detail: `a key named "${k}"` });
        if (x !== undefined) out[k] = walk(x, depth + 1);
      }
      return out;
    }
    throw new Refused({ kind: 'not-a-model', detail: `a value of type ${typeof v}` });
  };
  return walk(value, 0);
}

const isObject = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

interface LayerEntry {
  readonly className: string;
  readonly config: { [key: string]: Json };
  readonly name: string;
  readonly inbound?: Json;
}

// The layers of a Sequential or a functional Model topology, checked to form a single chain.
function layerList(topology: { [key: string]: Json }): LayerEntry[] {
  const className = topology.class_name;
  const config = topology.config;
  let raw: Json[];
  if (className === 'Sequential') {
    if (Array.isArray(config)) raw = config;
    else if (isObject(config) && Array.isArray(config.layers)) raw = config.layers;
    else throw new Refused({ kind: 'not-a-model', detail: 'a Sequential topology without layers' });
  } else if (className === 'Model' || className === 'Functional') {
    if (!isObject(config) || !Array.isArray(config.layers)) throw new Refused({ kind: 'not-a-model', detail: 'a Model topology without layers' });
    raw = config.layers;
  } else {
    throw new Refused({ kind: 'not-a-model', detail: `a topology of class ${JSON.stringify(className ?? null)}` });
  }
  if (raw.length > MODEL_LIMITS.layers) throw new Refused({ kind: 'too-many-layers', count: raw.length, max: MODEL_LIMITS.layers });
  if (raw.length === 0) throw new Refused({ kind: 'not-a-model', detail: 'no layers' });
  const layers = raw.map((l, i): LayerEntry => {
    if (!isObject(l) || typeof l.class_name !== 'string' || !isObject(l.config)) {
      throw new Refused({ kind: 'not-a-model', detail: `layer ${i + 1} is not a {class_name, config} object` });
    }
    if (!(LAYER_CLASSES as readonly string[]).includes(l.class_name)) throw new Refused({ kind: 'layer-class', index: i + 1, className: l.class_name.slice(0, 60) });
    const name = typeof l.name === 'string' ? l.name : typeof l.config.name === 'string' ? l.config.name : '';
    return { className: l.class_name, config: l.config, name, ...(l.inbound_nodes !== undefined ? { inbound: l.inbound_nodes } : {}) };
  });
  if (className !== 'Sequential') checkChain(layers, config as { [key: string]: Json });
  return layers;
}

// A functional model must be input -> layer -> ... -> last layer, every output from the last.
function checkChain(layers: LayerEntry[], config: { [key: string]: Json }): void {
  const nameOf = (ref: Json): unknown => (Array.isArray(ref) ? ref[0] : undefined);
  const inputs = Array.isArray(config.input_layers) ? config.input_layers : [];
  const outputs = Array.isArray(config.output_layers) ? config.output_layers : [];
  if (layers[0]!.className !== 'InputLayer' || inputs.length !== 1 || nameOf(inputs[0]!) !== layers[0]!.name) {
    throw new Refused({ kind: 'not-a-chain', detail: 'one input layer, first' });
  }
  const last = layers[layers.length - 1]!.name;
  if (outputs.length === 0 || !outputs.every((o) => nameOf(o) === last)) throw new Refused({ kind: 'not-a-chain', detail: 'every output from the last layer' });
  for (let i = 1; i < layers.length; i++) {
    const nodes = layers[i]!.inbound;
    const ok = Array.isArray(nodes) && nodes.length === 1 && Array.isArray(nodes[0]) && nodes[0].length === 1 && nameOf(nodes[0][0]!) === layers[i - 1]!.name;
    if (!ok) throw new Refused({ kind: 'not-a-chain', detail: `layer ${i + 1} takes the previous layer as its only input` });
    if (layers[i]!.className === 'InputLayer') throw new Refused({ kind: 'not-a-chain', detail: 'a single input layer' });
  }
}

const product = (shape: Shape): number => shape.reduce<number>((p, d) => p * (d ?? 1), 1);

// Shape propagation and costs, layer by layer; a bad or oversized config is refused.
function estimate(layers: LayerEntry[]): Estimate {
  let shape: Shape | undefined;
  let params = 0, macs = 0, totalElements = 0;
  layers.forEach((layer, i) => {
    const index = i + 1;
    const { className, config: c } = layer;
    const bad = (field: string): never => {
      throw new Refused({ kind: 'bad-config', index, className, field });
    };
    const int = (field: string, v: Json | undefined = c[field], min = 1): number => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > MODEL_LIMITS.dimension) bad(field);
      return v as number;
    };
    const pair = (field: string, fallback?: [number, number]): [number, number] => {
      const v = c[field];
      if ((v === undefined || v === null) && fallback) return fallback;
      if (typeof v === 'number') return [int(field, v), int(field, v)];
      if (Array.isArray(v) && v.length === 2) return [int(field, v[0]), int(field, v[1])];
      return bad(field);
    };
    const declared = c.batch_input_shape ?? (Array.isArray(c.input_shape) ? [null, ...c.input_shape] : undefined);
    if (declared !== undefined && (i === 0 || className === 'InputLayer')) {
      if (!Array.isArray(declared) || declared.length < 2 || declared.length > 6) bad('batch_input_shape');
      shape = (declared as Json[]).map((d) => (d === null ? null : int('batch_input_shape', d)));
      const elements = product(shape.slice(1));
      if (elements > MODEL_LIMITS.outputElements) throw new Refused({ kind: 'too-large-output', index, className, elements, max: MODEL_LIMITS.outputElements });
    }
    if (!shape) throw new Refused({ kind: 'no-input-shape' });
    const input: Shape = shape;
    const channelsFirst = c.data_format === 'channels_first';
    const lastDim = (): number => (input[input.length - 1] === null ? bad('input shape') : (input[input.length - 1] as number));
    switch (className) {
      case 'InputLayer':
      case 'Activation':
      case 'ReLU':
      case 'Softmax':
      case 'Dropout':
        break;
      case 'Dense': {
        const units = int('units');
        params += (lastDim() + (c.use_bias === false ? 0 : 1)) * units;
        macs += (product(input) / lastDim()) * lastDim() * units;
        shape = [...input.slice(0, -1), units];
        break;
      }
      case 'Conv2D': {
        if (input.length !== 4) bad('input rank');
        const filters = int('filters');
        const [kh, kw] = pair('kernel_size');
        const [sh, sw] = pair('strides', [1, 1]);
        const [dh, dw] = pair('dilation_rate', [1, 1]);
        const [h, w, ch] = channelsFirst ? [input[2], input[3], input[1]] : [input[1], input[2], input[3]];
        if (typeof ch !== 'number') bad('input channels');
        const same = c.padding === 'same';
        if (!same && c.padding !== 'valid' && c.padding !== undefined) bad('padding');
        const out = (n: number | null, k: number, s: number, d: number): number => {
          if (n === null) return bad('input shape');
          const size = same ? Math.ceil(n / s) : Math.floor((n - ((k - 1) * d + 1)) / s) + 1;
          return size >= 1 ? size : bad('kernel_size');
        };
        const oh = out(h, kh, sh, dh), ow = out(w, kw, sw, dw);
        params += kh * kw * (ch as number) * filters + (c.use_bias === false ? 0 : filters);
        macs += oh * ow * kh * kw * (ch as number) * filters;
        shape = channelsFirst ? [null, filters, oh, ow] : [null, oh, ow, filters];
        break;
      }
      case 'MaxPooling2D':
      case 'AveragePooling2D': {
        if (input.length !== 4) bad('input rank');
        const [ph, pw] = pair('pool_size', [2, 2]);
        const [sh, sw] = pair('strides', [ph, pw]);
        const same = c.padding === 'same';
        if (!same && c.padding !== 'valid' && c.padding !== undefined) bad('padding');
        const [h, w, ch] = channelsFirst ? [input[2], input[3], input[1]] : [input[1], input[2], input[3]];
        const out = (n: number | null, k: number, s: number): number => {
          if (n === null) return bad('input shape');
          const size = same ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
          return size >= 1 ? size : bad('pool_size');
        };
        const oh = out(h, ph, sh), ow = out(w, pw, sw);
        macs += oh * ow * ph * pw * (ch ?? 1);
        shape = channelsFirst ? [null, ch ?? null, oh, ow] : [null, oh, ow, ch ?? null];
        break;
      }
      case 'Flatten':
        if (input.slice(1).some((d) => d === null)) bad('input shape');
        shape = [null, product(input.slice(1))];
        break;
      case 'Reshape': {
        const target = c.target_shape;
        if (!Array.isArray(target) || target.length < 1 || target.length > 5) bad('target_shape');
        const dims = (target as Json[]).map((d) => (d === -1 ? -1 : int('target_shape', d)));
        const known = dims.filter((d) => d !== -1).reduce((p, d) => p * d, 1);
        const total = product(input.slice(1));
        const filled = dims.map((d) => (d === -1 ? total / known : d));
        if (dims.filter((d) => d === -1).length > 1 || !filled.every((d) => Number.isInteger(d) && d >= 1)) bad('target_shape');
        shape = [null, ...filled];
        break;
      }
      case 'BatchNormalization':
        params += 4 * lastDim();
        break;
      case 'SimpleRNN':
      case 'LSTM':
      case 'GRU': {
        if (input.length !== 3) bad('input rank');
        const units = int('units');
        if (units > MODEL_LIMITS.recurrentUnits) bad('units');
        const gates = className === 'SimpleRNN' ? 1 : className === 'LSTM' ? 4 : 3;
        const inputDim = lastDim();
        params += gates * units * (inputDim + units + 1) + (className === 'GRU' && c.reset_after === true ? gates * units : 0);
        const steps = input[1] ?? 1;
        macs += steps * gates * units * (inputDim + units);
        shape = c.return_sequences === true ? [null, input[1] ?? null, units] : [null, units];
        break;
      }
    }
    const elements = product(shape!.slice(1));
    if (elements > MODEL_LIMITS.outputElements) {
      throw new Refused({ kind: 'too-large-output', index, className, elements, max: MODEL_LIMITS.outputElements });
    }
    totalElements += elements;
    if (params > MODEL_LIMITS.params) throw new Refused({ kind: 'too-many-params', estimate: params, max: MODEL_LIMITS.params });
  });
  if (totalElements > MODEL_LIMITS.totalElements) {
    throw new Refused({ kind: 'too-large-output', index: layers.length, className: layers[layers.length - 1]!.className, elements: totalElements, max: MODEL_LIMITS.totalElements });
  }
  if (macs > MODEL_LIMITS.macs) throw new Refused({ kind: 'too-much-compute', estimate: macs, max: MODEL_LIMITS.macs });
  return { params, macs, totalElements };
}

/**
 * Checks a topology the child sent before anything is allocated for it. On success returns a
 * fresh plain-JSON copy (safe to hand to tfjs) and the cost estimate.
 */
export function inspectTopology(topology: unknown): Inspection {
  try {
    const json = plainJson(topology);
    if (!isObject(json)) return { ok: false, refusal: { kind: 'not-a-model', detail: 'the topology is not an object' } };
    return { ok: true, topology: json, estimate: estimate(layerList(json)) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, refusal: e.refusal };
    throw e;
  }
}
