/**
 * Budgeted, seeded training for the grader: the parent trains a student's rebuilt model (and the
 * reference) under the same fixed budget and compares. Determinism comes from three places:
 * 1. weights re-drawn from the layers' own initializers with explicit seeds (tfjs initializers
 *    without a seed draw from `Math.random`);
 * 2. our own seeded shuffle (`model.fit({shuffle: true})` uses `Math.random` too);
 * 3. a plain `trainOnBatch` loop, with no callbacks or validation split;
 * 4. Dropout layers given a seed of their own before every batch ({@link seedDropout}): tfjs
 *    draws an unseeded Dropout mask from `Math.random`.
 * A recurrent layer's `dropout`/`recurrentDropout` draws unseeded masks tfjs offers no seed for:
 * {@link unseededRandomness} names such a layer, and the grader does not train it.
 */
import type * as TF from '@tensorflow/tfjs';
import { requireTfjs } from './tfjs.js';
import { mulberry32, permutation } from '../data/random.js';

const tf = requireTfjs();

/** Inputs and targets, first axis = samples. */
export interface TrainData {
  x: TF.Tensor;
  y: TF.Tensor;
}

/** Options of {@link trainBudgeted}. */
export interface TrainOptions {
  epochs: number;
  batchSize: number;
  /** Use at most this many samples (a seeded subset drawn once), for every epoch. */
  maxSamples?: number;
  seed: number;
  /** Re-draw every weight from its seeded initializer first (default true). */
  reinitialize?: boolean;
  /** Stop after the batch that crosses this wall-clock budget (`stoppedEarly` is then true). */
  timeLimitMs?: number;
  /**
   * Stop after the batch that reaches this many samples over all epochs (`stoppedEarly` is then
   * true): a budget of work, the same on any machine, where a wall-clock one would make the
   * grade depend on the machine's load.
   */
  maxTrainedSamples?: number;
}

/** Per-epoch means, weighted by batch size (what Keras prints). */
export interface EpochLog {
  loss: number;
  metric: number | null;
}

/** Result of {@link trainBudgeted}. */
export interface TrainResult {
  /** Mean loss of the last (possibly partial) epoch. */
  loss: number;
  /** Mean of the first compiled metric over the last epoch, null without metrics. */
  metric: number | null;
  /** Its name as tfjs reports it (`acc` for `metrics: ['accuracy']`), or null. */
  metricName: string | null;
  history: EpochLog[];
  /** Samples actually trained on, over all epochs. */
  samples: number;
  seconds: number;
  samplesPerSecond: number;
  /** Wall time of each batch (ms), for medians in benchmarks. */
  batchMillis: number[];
  stoppedEarly: boolean;
  /** Weights whose own initializer {@link reseedWeights} could not find (seeded fallback used). */
  fallbackWeights: string[];
}

/**
 * Lets the event loop run between batches: tfjs' awaits resolve as microtasks, so without this a
 * whole training holds the grader's loop, and the children of other exercises graded meanwhile
 * see their replies unread and their time limits fire late, or spuriously.
 */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

type Initializer = { apply(shape: number[], dtype?: TF.DataType): TF.Tensor; getConfig(): Record<string, unknown> };
type Owner = Record<string, unknown>;

/** Which layer property holds the initializer of a weight, by the weight's last name part. */
const INITIALIZER_PROP: Record<string, string> = {
  kernel: 'kernelInitializer', recurrent_kernel: 'recurrentInitializer', bias: 'biasInitializer',
  depthwise_kernel: 'depthwiseInitializer', pointwise_kernel: 'pointwiseInitializer',
  gamma: 'gammaInitializer', beta: 'betaInitializer', moving_mean: 'movingMeanInitializer',
  moving_variance: 'movingVarianceInitializer', embeddings: 'embeddingsInitializer', alpha: 'alphaInitializer',
};

/** The same initializer with an explicit seed (initializers without a `seed` are deterministic). */
function withSeed(init: Initializer, seed: number): Initializer {
  const config = init.getConfig();
  if (!('seed' in config)) return init;
  const Ctor = init.constructor as new (c: Record<string, unknown>) => Initializer;
  return new Ctor({ ...config, seed });
}

function draw(owner: Owner, leaf: string, shape: number[], seed: number): TF.Tensor | null {
  const prop = INITIALIZER_PROP[leaf];
  const init = prop ? (owner[prop] as Initializer | undefined) : undefined;
  if (!init || typeof init.apply !== 'function') return null;
  const seeded = withSeed(init, seed);
  if (leaf === 'bias' && owner.unitForgetBias === true && typeof owner.units === 'number') {
    // LSTM: tfjs builds this bias with a private initializer: [input | forget = 1 | cell, output].
    const u = owner.units;
    return tf.concat([seeded.apply([u]), tf.ones([u]), seeded.apply([2 * u])]);
  }
  return seeded.apply(shape);
}

/** Seeded stand-in when a weight's initializer cannot be found: Glorot-uniform matrices, zero vectors. */
function fallback(shape: number[], seed: number): TF.Tensor {
  return shape.length < 2 ? tf.zeros(shape) : tf.initializers.glorotUniform({ seed }).apply(shape);
}

/**
 * Re-draws every weight of `model` from its layer's initializer with a seed derived from `seed`,
 * so that two runs (or a student's model and the reference) start from the same draw. Looks for
 * the initializer on the layer, its RNN `cell` and its wrapped `layer` (TimeDistributed,
 * Bidirectional).
 * @returns the names of weights whose initializer was not found: drawn by a seeded fallback
 *   (Glorot-uniform for matrices, zeros for vectors), deterministic but maybe not what the layer
 *   would have drawn
 */
export function reseedWeights(model: TF.LayersModel, seed: number): string[] {
  const fallbacks: string[] = [];
  let counter = 0;
  const visit = (layer: TF.layers.Layer): void => {
    const nested = (layer as unknown as { layers?: TF.layers.Layer[] }).layers;
    if (Array.isArray(nested)) return nested.forEach(visit);
    if (layer.weights.length === 0) return;
    const inner = layer as unknown as { cell?: Owner; layer?: Owner & { cell?: Owner } };
    const owners = [layer as unknown as Owner, inner.cell, inner.layer, inner.layer?.cell].filter((o): o is Owner => !!o);
    const values = tf.tidy(() => layer.weights.map((w) => {
      const leaf = w.originalName.split('/').pop() ?? '';
      // Seeds depend only on the weight's position: same architecture, same draw.
      const s = (seed * 1000003 + counter++) >>> 0;
      for (const owner of owners) {
        const t = draw(owner, leaf, w.shape as number[], s);
        if (t) return t;
      }
      fallbacks.push(w.originalName);
      return fallback(w.shape as number[], s);
    }));
    layer.setWeights(values);
    tf.dispose(values);
  };
  model.layers.forEach(visit);
  return fallbacks;
}

type DropoutLike = { seed?: number; getClassName(): string };

/**
 * Gives every Dropout layer a seed derived from `seed` and the batch: each batch its own mask,
 * the same masks on every run. (A fixed seed would repeat one mask on every batch.)
 */
export function seedDropout(model: TF.LayersModel, seed: number, step: number): void {
  model.layers.forEach((layer, i) => {
    const l = layer as unknown as DropoutLike;
    if (l.getClassName() === 'Dropout') l.seed = (seed * 31 + step * 1009 + i * 7919) >>> 0;
  });
}

/** The first layer that would draw training randomness no seed reaches (a recurrent layer's dropout), or undefined. */
export function unseededRandomness(model: TF.LayersModel): { readonly index: number; readonly className: string; readonly option: string } | undefined {
  for (const [i, layer] of model.layers.entries()) {
    const cell = (layer as unknown as { cell?: Record<string, unknown> }).cell;
    if (!cell) continue;
    for (const option of ['dropout', 'recurrentDropout'] as const) {
      if (typeof cell[option] === 'number' && (cell[option] as number) > 0) return { index: i, className: layer.getClassName(), option };
    }
  }
  return undefined;
}

/**
 * Trains `model` (already compiled) for `epochs` epochs on at most `maxSamples` samples, with a
 * seeded initialisation and seeded shuffles, and measures its throughput.
 */
export async function trainBudgeted(model: TF.LayersModel, data: TrainData, options: TrainOptions): Promise<TrainResult> {
  const { epochs, batchSize, seed } = options;
  if (!(batchSize >= 1) || !(epochs >= 0)) throw new RangeError('trainBudgeted: batchSize >= 1 and epochs >= 0 required');
  const fallbackWeights = options.reinitialize === false ? [] : reseedWeights(model, seed);
  const rng = mulberry32(seed ^ 0x9e3779b9);
  const n = data.x.shape[0];
  const subset = permutation(n, rng).slice(0, Math.min(n, options.maxSamples ?? n));
  const metricName = model.metricsNames.length > 1 ? model.metricsNames[1] : null;

  const history: EpochLog[] = [];
  const batchMillis: number[] = [];
  let samples = 0;
  let stoppedEarly = false;
  const start = performance.now();
  for (let epoch = 0; epoch < epochs && !stoppedEarly; epoch++) {
    const order = permutation(subset.length, rng);
    let lossSum = 0, metricSum = 0, seen = 0;
    for (let b = 0; b < order.length; b += batchSize) {
      const idx = new Int32Array(Math.min(batchSize, order.length - b));
      for (let i = 0; i < idx.length; i++) idx[i] = subset[order[b + i]];
      const t0 = performance.now();
      seedDropout(model, seed, batchMillis.length);
      const [xb, yb] = tf.tidy(() => {
        const indices = tf.tensor1d(idx, 'int32');
        return [tf.gather(data.x, indices), tf.gather(data.y, indices)];
      });
      const out = await model.trainOnBatch(xb, yb);
      tf.dispose([xb, yb]);
      batchMillis.push(performance.now() - t0);
      await yieldToEventLoop();
      const values = Array.isArray(out) ? out : [out];
      lossSum += values[0] * idx.length;
      metricSum += (values[1] ?? 0) * idx.length;
      seen += idx.length;
      samples += idx.length;
      const overWork = options.maxTrainedSamples !== undefined && samples >= options.maxTrainedSamples;
      if (overWork || (options.timeLimitMs !== undefined && performance.now() - start > options.timeLimitMs)) {
        stoppedEarly = true;
        break;
      }
    }
    if (seen > 0) history.push({ loss: lossSum / seen, metric: metricName ? metricSum / seen : null });
  }
  const seconds = (performance.now() - start) / 1000;
  const last = history[history.length - 1] ?? { loss: NaN, metric: null };
  return {
    loss: last.loss, metric: last.metric, metricName, history, samples, seconds,
    samplesPerSecond: seconds > 0 ? samples / seconds : 0, batchMillis, stoppedEarly, fallbackWeights,
  };
}

/**
 * Fraction of samples whose predicted class (argmax) equals the target's: `y` one-hot
 * [n, classes] or integer labels [n]. Predicts in batches to bound memory. Single-output models.
 */
export async function evaluateAccuracy(model: TF.LayersModel, data: TrainData, batchSize = 256): Promise<number> {
  const n = data.x.shape[0];
  if (n === 0) return NaN;
  let correct = 0;
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const hits = tf.tidy(() => {
      const xb = tf.slice(data.x, start, size);
      const yb = tf.slice(data.y, start, size);
      const predicted = tf.argMax(model.predict(xb) as TF.Tensor, -1);
      const truth = yb.rank === 1 ? tf.cast(yb, 'int32') : tf.argMax(yb, -1);
      return tf.sum(tf.cast(tf.equal(predicted, truth), 'int32'));
    });
    correct += (await hits.data())[0];
    hits.dispose();
    await yieldToEventLoop();
  }
  return correct / n;
}
