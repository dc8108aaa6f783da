/**
 * The student's compile settings, as the child sent them (untrusted data), and what the notes
 * ask of them: one-hot labels want categorical cross-entropy (not the sparse one, which expects
 * integer labels), Adam and accuracy for the classifiers; mean squared error and RMSprop for the
 * RNN.
 */
import type { TrainingConfigJson } from '../../tf/model-json.js';

export type CompileInfo =
  | { readonly kind: 'none' }
  | { readonly kind: 'unserializable'; readonly detail: string }
  | { readonly kind: 'settings'; readonly training: TrainingConfigJson };

// Optimizer classes tfjs can deserialize.
const OPTIMIZERS = ['Adam', 'Adamax', 'RMSProp', 'SGD', 'Momentum', 'Adagrad', 'Adadelta'];
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function names(v: unknown, max: number): v is string[] | Record<string, string> {
  const items = Array.isArray(v) ? v : isRecord(v) ? Object.values(v) : undefined;
  if (!items || items.length > max) return false;
  if (isRecord(v) && !Object.keys(v).every((k) => NAME.test(k))) return false;
  return items.every((x) => typeof x === 'string' && NAME.test(x));
}

/** Checks the compile settings the child sent; undefined when they are not what the encoder writes. */
export function inspectCompile(raw: unknown): CompileInfo | undefined {
  if (raw === null) return { kind: 'none' };
  if (!isRecord(raw)) return undefined;
  if (Object.keys(raw).length === 1 && typeof raw.unserializable === 'string') return { kind: 'unserializable', detail: raw.unserializable.slice(0, 300) };
  const { loss, metrics, optimizer_config: opt } = raw;
  const lossOk = (typeof loss === 'string' && NAME.test(loss)) || names(loss, 8);
  if (!lossOk || !names(metrics, 16) || !isRecord(opt) || typeof opt.class_name !== 'string' || !OPTIMIZERS.includes(opt.class_name)) return undefined;
  const config = opt.config;
  if (!isRecord(config) || Object.keys(config).length > 16) return undefined;
  const plain: Record<string, number | boolean | string | null> = {};
  for (const [k, v] of Object.entries(config)) {
    if (!NAME.test(k)) return undefined;
    if (typeof v === 'number' ? !Number.isFinite(v) : !(typeof v === 'boolean' || v === null || (typeof v === 'string' && v.length <= 64))) return undefined;
    plain[k] = v as number | boolean | string | null;
  }
  const copy = (v: string | string[] | Record<string, string>) => (typeof v === 'string' ? v : Array.isArray(v) ? [...v] : { ...v });
  return {
    kind: 'settings',
    training: {
      loss: copy(loss as string | string[] | Record<string, string>),
      metrics: copy(metrics as string[] | Record<string, string>) as string[] | Record<string, string>,
      optimizer_config: { class_name: opt.class_name, config: plain },
    },
  };
}

/** What a model of the exercise must be compiled with. */
export interface CompileSpec {
  /** Accepted loss names, snake_case as they travel; the first is the one to name. */
  readonly losses: readonly string[];
  /** The name a student writes, for messages. */
  readonly lossName: string;
  readonly optimizer: string;
  /** The optimizer as a student writes it. */
  readonly optimizerName: string;
  /** Accepted accuracy metric names; empty when no metric is required. */
  readonly metrics: readonly string[];
}

export const CLASSIFIER: CompileSpec = {
  losses: ['categorical_crossentropy'],
  lossName: 'categoricalCrossentropy',
  optimizer: 'Adam',
  optimizerName: "'adam'",
  metrics: ['accuracy', 'acc', 'categorical_accuracy'],
};

export const REGRESSOR: CompileSpec = {
  losses: ['mean_squared_error', 'mse'],
  lossName: 'meanSquaredError',
  optimizer: 'RMSProp',
  optimizerName: "'rmsprop'",
  metrics: [],
};

/** The first way the settings differ from the spec, as data for a message. */
export type CompileProblem =
  | { readonly kind: 'not-compiled' }
  | { readonly kind: 'unserializable'; readonly detail: string }
  | { readonly kind: 'loss'; readonly got: string; readonly sparse: boolean }
  | { readonly kind: 'optimizer'; readonly got: string }
  | { readonly kind: 'metrics'; readonly got: readonly string[] };

const lossNames = (loss: TrainingConfigJson['loss']): string[] => (typeof loss === 'string' ? [loss] : Array.isArray(loss) ? loss : Object.values(loss));
export const metricNames = (m: TrainingConfigJson['metrics']): string[] => (Array.isArray(m) ? m : Object.values(m));

export function compileProblem(info: CompileInfo, spec: CompileSpec): CompileProblem | undefined {
  if (info.kind === 'none') return { kind: 'not-compiled' };
  if (info.kind === 'unserializable') return { kind: 'unserializable', detail: info.detail };
  const { training } = info;
  const losses = lossNames(training.loss);
  if (losses.length !== 1 || !spec.losses.includes(losses[0]!)) {
    const got = losses.join(', ');
    return { kind: 'loss', got, sparse: spec === CLASSIFIER && /sparse/.test(got) };
  }
  if (training.optimizer_config.class_name !== spec.optimizer) return { kind: 'optimizer', got: training.optimizer_config.class_name };
  const metrics = metricNames(training.metrics);
  if (spec.metrics.length > 0 && !metrics.some((m) => spec.metrics.includes(m))) return { kind: 'metrics', got: metrics };
  return undefined;
}

// Spellings of one loss or metric: Keras' short names, tfjs' own.
const ALIASES: Readonly<Record<string, string>> = {
  mse: 'mean_squared_error', mae: 'mean_absolute_error', mape: 'mean_absolute_percentage_error', msle: 'mean_squared_logarithmic_error',
  acc: 'accuracy', categorical_accuracy: 'accuracy', kld: 'kullback_leibler_divergence',
};
const alias = (name: string): string => ALIASES[name] ?? name;
const sorted = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

/**
 * The compile settings written one way: loss and metric names by one spelling each (`mse` and
 * `meanSquaredError`, a loss given as tfjs' own function, `acc` and `accuracy`), metrics as a
 * sorted set, the optimizer's class and its full config (a string `'adam'` and `tf.train.adam()`
 * give the same), keys sorted.
 */
export function canonicalCompile(info: CompileInfo): unknown {
  if (info.kind !== 'settings') return { kind: info.kind };
  const { loss, metrics, optimizer_config: opt } = info.training;
  return {
    loss: lossNames(loss).map(alias),
    metrics: [...new Set(metricNames(metrics).map(alias))].sort(),
    optimizer: { className: opt.class_name, config: sorted(opt.config) },
  };
}

/** Compile settings equal for training purposes: same loss, optimizer and its config, metrics. */
export function sameCompile(a: CompileInfo, b: CompileInfo): boolean {
  if (a.kind !== 'settings' || b.kind !== 'settings') return a.kind === b.kind && a.kind === 'none';
  return JSON.stringify(canonicalCompile(a)) === JSON.stringify(canonicalCompile(b));
}
