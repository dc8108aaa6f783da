/**
 * What the checks compare: a model reduced to its layers' classes, hyper-parameters, output
 * shapes and parameter counts, read from a model tfjs rebuilt (so tfjs has already normalised
 * `kernelSize: 3` to `[3, 3]` and so on). Written for students' terms: an `Activation` layer
 * right after a layer without activation is folded into it, so `Conv2D` + `Activation('relu')`
 * and `Conv2D({activation: 'relu'})` read the same, as they compute the same thing.
 */
import type * as TF from '@tensorflow/tfjs';

/** A shape as tfjs reports it, batch first (`null`). */
export type Shape = readonly (number | null)[];

/** The hyper-parameters the notes set, by their tfjs config names. */
export const FIELDS = ['units', 'filters', 'kernelSize', 'strides', 'padding', 'poolSize', 'activation', 'returnSequences', 'returnState', 'useBias'] as const;
export type Field = (typeof FIELDS)[number];

export interface LayerFacts {
  readonly className: string;
  /** 1-based position among the model's layers, input layer excluded, as the student wrote them. */
  readonly position: number;
  readonly fields: Readonly<Partial<Record<Field, unknown>>>;
  /** One shape per output of the layer. */
  readonly outputShapes: readonly Shape[];
  readonly params: number;
  /** Every config entry but names, for an exact comparison. */
  readonly config: Readonly<Record<string, unknown>>;
}

export interface ModelFacts {
  readonly inputShapes: readonly Shape[];
  readonly outputShapes: readonly Shape[];
  readonly layers: readonly LayerFacts[];
  readonly params: number;
  /** Shapes of `model.getWeights()`, in order: what a weight transplant needs to agree on. */
  readonly weightShapes: readonly (readonly number[])[];
}

const IGNORED_CONFIG = new Set(['name', 'trainable', 'batchInputShape', 'inputShape', 'dtype', 'inputDType', 'sparse']);

// An activation-only layer's activation, or undefined for any other layer.
function activationOnly(layer: TF.layers.Layer, config: Record<string, unknown>): string | undefined {
  switch (layer.getClassName()) {
    case 'Activation':
      return typeof config.activation === 'string' ? config.activation : undefined;
    case 'ReLU':
      return config.maxValue == null ? 'relu' : undefined;
    case 'Softmax': {
      // tfjs' Softmax layer defaults to axis 1, which is the last axis of a [batch, classes] output.
      const rank = Array.isArray(layer.outputShape) && !Array.isArray(layer.outputShape[0]) ? layer.outputShape.length : 0;
      const axis = Array.isArray(config.axis) && config.axis.length === 1 ? config.axis[0] : config.axis;
      return axis === undefined || axis === -1 || axis === rank - 1 ? 'softmax' : undefined;
    }
    default:
      return undefined;
  }
}

function shapesOf(shape: unknown): Shape[] {
  if (!Array.isArray(shape)) return [];
  return Array.isArray(shape[0]) || (shape.length === 0) ? (shape as Shape[]) : [shape as Shape];
}

/** The facts of a built model (student's rebuilt, or reference's). */
export function modelFacts(model: TF.LayersModel): ModelFacts {
  const layers: { className: string; position: number; fields: Partial<Record<Field, unknown>>; outputShapes: Shape[]; params: number; config: Record<string, unknown> }[] = [];
  let position = 0;
  for (const layer of model.layers) {
    if (layer.getClassName() === 'InputLayer') continue;
    position += 1;
    const config = layer.getConfig() as Record<string, unknown>;
    const previous = layers[layers.length - 1];
    const folded = activationOnly(layer, config);
    if (folded !== undefined && previous && previous.fields.activation === 'linear') {
      previous.fields.activation = folded;
      previous.config.activation = folded;
      continue;
    }
    const fields: Partial<Record<Field, unknown>> = {};
    for (const f of FIELDS) if (config[f] !== undefined && config[f] !== null) fields[f] = config[f];
    if (folded !== undefined) fields.activation = folded;
    const kept = Object.fromEntries(Object.entries(config).filter(([k]) => !IGNORED_CONFIG.has(k)));
    layers.push({ className: layer.getClassName(), position, fields, outputShapes: shapesOf(layer.outputShape), params: layer.countParams(), config: kept });
  }
  return {
    inputShapes: model.inputs.map((i) => i.shape),
    outputShapes: model.outputs.map((o) => o.shape),
    layers,
    params: model.countParams(),
    weightShapes: model.weights.map((w) => w.shape as number[]),
  };
}

// Keys sorted, null and undefined entries dropped: a config read from a fresh layer and from one
// rebuilt from JSON differ only there (`{gain: 1}` against `{gain: 1, seed: null}`).
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v !== 'object' || v === null) return v;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== null && x !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => [k, canonical(x)]));
}

/** True when two models are the same down to every config entry but names (initializers too). */
export function sameFacts(a: ModelFacts, b: ModelFacts): boolean {
  const strip = (f: ModelFacts) => JSON.stringify(canonical({ ...f, layers: f.layers.map(({ position: _p, ...rest }) => rest) }));
  return strip(a) === strip(b);
}
