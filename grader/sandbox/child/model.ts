import { NotSerializableError, serializeModel } from '../../tf/model-json.js';
import type { ModelEncoder } from '../wire.js';

/**
 * What the child sends for a compiled model it could not express as data (a loss or metric
 * given as a function): the parent reports it to the student instead of guessing.
 */
export interface UnserializableCompile {
  readonly unserializable: string;
}

/**
 * Turns a tf.LayersModel into exactly what `rebuildModel` (grader/tf/model-json.ts) reads: the
 * Keras topology and the training config, or null when the model was not compiled. Duck-typed,
 * so the child needs no tfjs import of its own (model-json.ts only imports tfjs' types): the
 * model crosses the boundary as data and the parent rebuilds it.
 */
export const encodeModel: ModelEncoder = (value) => {
  const m = value as Record<string, unknown>;
  if (typeof m.toJSON !== 'function' || !Array.isArray(m.layers) || typeof m.getLayer !== 'function') return undefined;
  const model = value as Parameters<typeof serializeModel>[0];
  try {
    const { topology, training } = serializeModel(model);
    return { topology, compile: training };
  } catch (e) {
    if (!(e instanceof NotSerializableError)) throw e;
    const topology = model.toJSON(null, false) as unknown;
    return { topology, compile: { unserializable: e.message } satisfies UnserializableCompile };
  }
};
