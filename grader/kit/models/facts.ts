/**
 * The canonical model the checks compare: a model tfjs rebuilt (so every default is filled in)
 * read back layer by layer and written one way only:
 * - names dropped, functional chains read as the list of their layers (input layer dropped, its
 *   shape kept as the model's input shape);
 * - `Activation`, `ReLU` and last-axis `Softmax` layers read as `Activation`, and folded into a
 *   Dense or Conv2D right before them that has no activation of its own (nothing else: a linear
 *   SimpleRNN followed by an activation computes another function);
 * - a Reshape to a flat vector reads as Flatten; pooling padding 'same' that pads nothing reads
 *   as 'valid';
 * - initializers without their seed (the grader reseeds every draw), `trainable` only on layers
 *   with weights, null entries (no regularizer) dropped.
 * Everything else is kept, since it changes what the model computes or how it learns:
 * `trainable`, initializers, regularizers, constraints, Dropout, `dilationRate`, `goBackwards`,
 * `recurrentActivation`, activations.
 */
import type * as TF from '@tensorflow/tfjs';

/** A shape as tfjs reports it, batch first (`null`). */
export type Shape = readonly (number | null)[];

export interface LayerFacts {
  readonly className: string;
  /** 1-based position among the model's layers, input layer excluded, as the student wrote them. */
  readonly position: number;
  /** Every config entry that changes the model, canonical (camelCase keys, sorted). */
  readonly config: Readonly<Record<string, unknown>>;
  /** One shape per output of the layer. */
  readonly outputShapes: readonly Shape[];
  readonly params: number;
}

export interface ModelFacts {
  readonly inputShapes: readonly Shape[];
  readonly outputShapes: readonly Shape[];
  readonly layers: readonly LayerFacts[];
  readonly params: number;
  /** Shapes of `model.getWeights()`, in order: what a weight transplant needs to agree on. */
  readonly weightShapes: readonly (readonly number[])[];
}

// Entries that say nothing about what the layer computes.
const IGNORED_CONFIG = new Set(['name', 'batchInputShape', 'inputShape', 'batchSize', 'inputDType', 'sparse', 'dataFormat']);

type Config = Record<string, unknown>;

// Keys sorted, null and undefined entries dropped, initializer seeds dropped.
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v !== 'object' || v === null) return v;
  const entries = Object.entries(v as Config).filter(([k, x]) => x !== null && x !== undefined && k !== 'seed');
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => [k, canonical(x)]));
}

const shapesOf = (shape: unknown): Shape[] => {
  if (!Array.isArray(shape)) return [];
  return Array.isArray(shape[0]) || shape.length === 0 ? (shape as Shape[]) : [shape as Shape];
};

// An activation-only layer's activation, or undefined for any other layer.
function activationOnly(className: string, config: Config, rank: number): string | undefined {
  switch (className) {
    case 'Activation':
      return typeof config.activation === 'string' ? config.activation : undefined;
    case 'ReLU':
      return config.maxValue == null ? 'relu' : undefined;
    case 'Softmax': {
      const axis = Array.isArray(config.axis) && config.axis.length === 1 ? config.axis[0] : config.axis;
      return axis === undefined || axis === null || axis === -1 || axis === rank - 1 ? 'softmax' : undefined;
    }
    default:
      return undefined;
  }
}

// Pooling 'same' that pads nothing: every spatial size a multiple of the stride, windows within.
function padsNothing(input: Shape | undefined, config: Config): boolean {
  const pool = config.poolSize as number[] | undefined, strides = config.strides as number[] | undefined;
  if (!input || !pool || !strides || input.length !== 4) return false;
  return [1, 2].every((d, i) => {
    const n = input[d], k = pool[i]!, s = strides[i]!;
    if (typeof n !== 'number') return false;
    const out = Math.ceil(n / s);
    return (out - 1) * s + k - n <= 0;
  });
}

interface Draft {
  className: string;
  position: number;
  config: Config;
  outputShapes: Shape[];
  params: number;
}

// One layer in its canonical writing, before folding.
function draft(layer: TF.layers.Layer, position: number, input: Shape | undefined): Draft {
  const raw = layer.getConfig() as Config;
  const outputShapes = shapesOf(layer.outputShape);
  const rank = outputShapes[0]?.length ?? 0;
  let className = layer.getClassName();
  let config: Config = Object.fromEntries(Object.entries(raw).filter(([k]) => !IGNORED_CONFIG.has(k)));
  if (config.dtype === 'float32') delete config.dtype;
  const folded = activationOnly(className, raw, rank);
  if (folded !== undefined) {
    className = 'Activation';
    config = { activation: folded };
  } else if (className === 'Reshape' && Array.isArray(raw.targetShape) && raw.targetShape.length === 1) {
    className = 'Flatten';
    config = {};
  } else if (/Pooling2D$/.test(className) && config.padding === 'same' && padsNothing(input, config)) {
    config = { ...config, padding: 'valid' };
  }
  if (layer.weights.length === 0) delete config.trainable;
  return { className, position, config: canonical(config) as Config, outputShapes, params: layer.countParams() };
}

/** The canonical facts of a built model (student's rebuilt, or reference's). */
export function modelFacts(model: TF.LayersModel): ModelFacts {
  const layers: Draft[] = [];
  let position = 0;
  let input: Shape | undefined = model.inputs[0]?.shape;
  for (const layer of model.layers) {
    if (layer.getClassName() === 'InputLayer') continue;
    position += 1;
    const d = draft(layer, position, input);
    input = d.outputShapes[0];
    const previous = layers[layers.length - 1];
    if (d.className === 'Activation' && previous && /^(Dense|Conv2D)$/.test(previous.className) && previous.config.activation === 'linear') {
      previous.config = { ...previous.config, activation: d.config.activation };
      previous.outputShapes = d.outputShapes;
      continue;
    }
    layers.push(d);
  }
  return {
    inputShapes: model.inputs.map((i) => i.shape),
    outputShapes: model.outputs.map((o) => o.shape),
    layers,
    params: model.countParams(),
    weightShapes: model.weights.map((w) => w.shape as number[]),
  };
}

/** True when two models are the same in every canonical entry (initializers and `trainable` too). */
export function sameFacts(a: ModelFacts, b: ModelFacts): boolean {
  const strip = (f: ModelFacts) => JSON.stringify({ ...f, layers: f.layers.map(({ position: _p, ...rest }) => rest) });
  return strip(a) === strip(b);
}
