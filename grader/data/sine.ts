/**
 * The notes' noisy sine for the RNN exercise, with seeded noise:
 *   t = np.arange(0, 10, 0.1); x = np.sin(t) + np.random.randn(len(t)) * 0.1
 *   windows X[i] = x[i:i+s], Y[i] = [x[i+s]] for i < n - s; X_train = X[:80], X_test = X[80:]
 * The notes' noise is unseeded; here the same seed gives the same series everywhere.
 */
import { mulberry32, normalGenerator } from './random.js';

/** Options of {@link noisySine}. */
export interface SineOptions {
  /** Seed of the normal noise (default 0). */
  seed?: number;
  /** Window length (default 6, as the notes). */
  s?: number;
  /** Windows used for training, the first ones in time (default 80, as the notes). */
  trainCount?: number;
  /** Points of the series (default 100: t = 0, 0.1, ..., 9.9). */
  points?: number;
  /** Noise amplitude (default 0.1). */
  noise?: number;
}

/** The series and its windows, as nested arrays (the contract's format) and flat tensors data. */
export interface SineData {
  t: number[];
  series: number[];
  /** `points - s` windows of `s` values. */
  X: number[][];
  /** The value after each window, `[x[i + s]]`. */
  Y: number[][];
  xTrain: number[][];
  yTrain: number[][];
  xTest: number[][];
  yTest: number[][];
  /** Flat `xTrain` for `tf.tensor3d(values, [trainCount, s, 1])` (the rnnModel input). */
  xTrainFlat: Float32Array;
  yTrainFlat: Float32Array;
  xTestFlat: Float32Array;
  yTestFlat: Float32Array;
}

/** The notes' noisy sine with seeded noise, windowed and split chronologically. */
export function noisySine(options: SineOptions = {}): SineData {
  const { seed = 0, s = 6, trainCount = 80, points = 100, noise = 0.1 } = options;
  if (!Number.isInteger(s) || s < 1 || s >= points) throw new RangeError(`noisySine: need 1 <= s < points, got s = ${s}`);
  if (!Number.isInteger(trainCount) || trainCount < 0 || trainCount > points - s) {
    throw new RangeError(`noisySine: trainCount must be in [0, ${points - s}], got ${trainCount}`);
  }
  const normal = normalGenerator(mulberry32(seed));
  // i * 0.1, as numpy's arange computes start + i * step (not repeated addition).
  const t = Array.from({ length: points }, (_, i) => i * 0.1);
  const series = t.map((v) => Math.sin(v) + noise * normal());
  const X: number[][] = [];
  const Y: number[][] = [];
  for (let i = 0; i < points - s; i++) {
    X.push(series.slice(i, i + s));
    Y.push([series[i + s]]);
  }
  const xTrain = X.slice(0, trainCount), yTrain = Y.slice(0, trainCount);
  const xTest = X.slice(trainCount), yTest = Y.slice(trainCount);
  return {
    t, series, X, Y, xTrain, yTrain, xTest, yTest,
    xTrainFlat: Float32Array.from(xTrain.flat()), yTrainFlat: Float32Array.from(yTrain.flat()),
    xTestFlat: Float32Array.from(xTest.flat()), yTestFlat: Float32Array.from(yTest.flat()),
  };
}
