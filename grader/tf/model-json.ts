/**
 * Shipping a student's compiled Keras-style model across the process boundary as plain JSON:
 * the sandboxed child sends {@link serializeModel}'s output; the parent rebuilds it with
 * {@link rebuildModel}, never running student code.
 *
 * tfjs quirks this works around (tfjs-layers 4.22):
 * - `model.toJSON()` returns a *string* by default; `toJSON(null, false)` gives the object. It
 *   holds the topology only: no loss, optimizer or metrics.
 * - `tf.models.modelFromJSON(topology)` ignores any training config: the model comes back
 *   uncompiled (`optimizer` undefined). Compile settings must be sent separately and applied
 *   with the public `model.loadTrainingConfig(config)`.
 * - The matching writer `getTrainingConfig()` is protected (callable at runtime), throws
 *   "Cannot convert undefined or null to object" on an uncompiled model, and silently turns a
 *   loss *function* into `loss: {}`; a model without metrics gives `metrics: {}`, not `[]`.
 *   So we read `model.loss`, `model.metrics` and `model.optimizer` ourselves.
 * - Loss and metric names travel in snake_case (`categorical_crossentropy`), optimizer configs in
 *   camelCase (`learningRate`); `loadTrainingConfig` converts both back.
 */
import type * as TF from '@tensorflow/tfjs';

type Tf = typeof TF;

/** Keras' `training_config`, the format `model.loadTrainingConfig` reads. */
export interface TrainingConfigJson {
  loss: string | string[] | Record<string, string>;
  metrics: string[] | Record<string, string>;
  optimizer_config: { class_name: string; config: Record<string, unknown> };
}

/** What the child sends: plain JSON, nothing callable. */
export interface ModelJson {
  /** `model.toJSON(null, false)`: the Keras topology. */
  topology: Record<string, unknown>;
  /** The compile settings, or null for a model that was not compiled. */
  training: TrainingConfigJson | null;
}

/** A compile setting that cannot be expressed as data (a custom loss or metric function). */
export class NotSerializableError extends Error {
  override readonly name = 'NotSerializableError';
  readonly code = 'MODEL_NOT_SERIALIZABLE';
}

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/**
 * Losses tfjs ships as functions a student may pass instead of a name
 * (`tf.metrics.categoricalCrossentropy`, `tf.losses.meanSquaredError`, whose op is named
 * `meanSquaredError__op`): each is the loss its name gives to `compile`. Others (a custom
 * function, `tf.losses.softmaxCrossEntropy`, which applies a softmax of its own) stay
 * unserializable.
 */
const LOSS_FUNCTIONS = new Set([
  'meanSquaredError', 'meanAbsoluteError', 'meanAbsolutePercentageError', 'meanSquaredLogarithmicError', 'squaredHinge', 'hinge',
  'categoricalHinge', 'logcosh', 'categoricalCrossentropy', 'sparseCategoricalCrossentropy', 'binaryCrossentropy',
  'kullbackLeiblerDivergence', 'poisson', 'cosineProximity',
]);

/** tfjs' own metric names for functions it ships (`tf.metrics.categoricalAccuracy` etc.). */
function metricName(m: unknown): string {
  if (typeof m === 'string') return snake(m);
  const name = typeof m === 'function' ? (m as { name?: string }).name : undefined;
  if (!name) throw new NotSerializableError('a metric is neither a name nor a named function');
  return snake(name);
}

/**
 * The compile settings of `model` as Keras' training config, or null if it was never compiled.
 * @throws NotSerializableError for a loss given as a function (tfjs would drop it silently)
 */
export function compileSettings(model: TF.LayersModel): TrainingConfigJson | null {
  const optimizer = model.optimizer as TF.Optimizer | undefined;
  if (!optimizer) return null;
  const loss = model.loss as unknown;
  const lossName = (l: unknown): string => {
    if (typeof l === 'string') return snake(l);
    const name = typeof l === 'function' ? String((l as { name?: unknown }).name ?? '').replace(/__op$/, '') : '';
    if (LOSS_FUNCTIONS.has(name)) return snake(name);
    throw new NotSerializableError('the loss is a function of its own, not a name such as "categoricalCrossentropy" or one of tf.metrics\' losses');
  };
  const lossJson = Array.isArray(loss) ? loss.map(lossName)
    : typeof loss === 'object' && loss !== null ? Object.fromEntries(Object.entries(loss).map(([k, v]) => [k, lossName(v)]))
      : lossName(loss);
  const metrics = model.metrics as unknown;
  const metricsJson = metrics == null ? []
    : Array.isArray(metrics) ? metrics.map(metricName)
      : typeof metrics === 'object' ? Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, metricName(v)]))
        : [metricName(metrics)];
  return {
    loss: lossJson,
    metrics: metricsJson,
    optimizer_config: { class_name: optimizer.getClassName(), config: optimizer.getConfig() as Record<string, unknown> },
  };
}

/** The child side: topology plus compile settings, as JSON-safe data. */
export function serializeModel(model: TF.LayersModel): ModelJson {
  const topology = model.toJSON(null, false) as unknown as Record<string, unknown>;
  return { topology, training: compileSettings(model) };
}

/**
 * The parent side: a fresh model from the data (new weights from the layers' initializers),
 * compiled as the student compiled it when `training` is present.
 */
export async function rebuildModel(tf: Tf, json: ModelJson): Promise<TF.LayersModel> {
  const model = await tf.models.modelFromJSON({ modelTopology: json.topology as TF.io.ModelJSON['modelTopology'] });
  if (json.training) model.loadTrainingConfig(json.training as unknown as Parameters<TF.LayersModel['loadTrainingConfig']>[0]);
  return model;
}
