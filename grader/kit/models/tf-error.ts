/**
 * A TensorFlow.js error in the student's terms: its first line, at most 400 characters, each
 * internal layer name (`dense_Dense34`, numbered per process, so different on every run) replaced
 * by the layer's class and position as the student wrote them.
 */
import type * as TF from '@tensorflow/tfjs';

/** A layer's name and how a student reads it: `Dense (layer 2)`, or `input`. */
export type LayerLabel = readonly [name: string, label: string];

/**
 * The labels of a built model's layers, and of the input layer a Sequential model hides (named
 * after its first layer, `simple_rnn_SimpleRNN3_input`, which tfjs' shape errors quote).
 */
export function labelsOf(model: TF.LayersModel): LayerLabel[] {
  let position = 0;
  const labels = model.layers.map((l): LayerLabel => (l.getClassName() === 'InputLayer' ? [l.name, 'input'] : [l.name, `${l.getClassName()} (layer ${++position})`]));
  const first = model.layers[0];
  return first && first.getClassName() !== 'InputLayer' ? [...labels, [`${first.name}_input`, 'input']] : labels;
}

/** The labels of a topology's layers (checked JSON: `{class_name, config: {name}}` or functional `{name, class_name}`). */
export function labelsOfTopology(topology: Record<string, unknown>): LayerLabel[] {
  const config = topology.config as { layers?: unknown } | unknown[] | undefined;
  const layers = (Array.isArray(config) ? config : Array.isArray(config?.layers) ? config.layers : []) as { name?: unknown; class_name?: unknown; config?: { name?: unknown } }[];
  let position = 0;
  return layers.map((l) => {
    const name = typeof l.name === 'string' ? l.name : typeof l.config?.name === 'string' ? l.config.name : '';
    return l.class_name === 'InputLayer' ? [name, 'input'] : [name, `${String(l.class_name)} (layer ${++position})`];
  });
}

export function tfErrorText(e: unknown, labels: readonly LayerLabel[] = []): string {
  let text = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
  // Longest names first: `dense_Dense1` must not eat the start of `dense_Dense12`.
  for (const [name, label] of [...labels].sort((a, b) => b[0].length - a[0].length)) if (name.length >= 2) text = text.split(name).join(label);
  return text.slice(0, 400);
}
