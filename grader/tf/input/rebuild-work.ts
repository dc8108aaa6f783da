/**
 * What rebuilding a model costs the grader before the model computes anything: each layer built,
 * each weight drawn by its initializer. The grader pays it more than once per submission (the
 * trial rebuild, the rebuild its checks copy, one more draw per training start), so it is bounded
 * over the whole model, not per layer: 64 layers each just under a per-layer bound cost 64 times it.
 *
 * Counted in units of work of about 5 ns of CPU, calibrated on the wasm backend (2 cores, idle):
 * - a layer built with nothing drawn: 26 to 70 µs (64 Dropout layers 1.7 ms, 64 Dense(1) of
 *   Zeros 4.5 ms): 10,000 units;
 * - a weight drawn at random: about 0.1 ms before its first value (64 Dense(1) of GlorotUniform
 *   10.5 ms against 4.5 with Zeros): 20,000 units, then per value 2 to 3.5 ns for a constant
 *   (Zeros, Ones, Constant, Identity), 7 to 9 for a uniform draw, 22 to 30 for a normal one
 *   (2 Dense 1000x1000): 1, 2 and 6 units;
 * - an Orthogonal draw: tfjs factorises a [max, min] normal draw in min Householder steps, each
 *   about 0.08 ms of small operations plus 7 ns per value of the max x max Q and the max x min
 *   R it updates: 80,000 + min x (16,000 + 1.4 max (max + min)) units. Measured per draw (median
 *   of 5) against the model: 1x1 0.5 ms (0.48), 16x16 1.7 (1.7), 48x48 5.3 (5.4), 96x96 20
 *   (20.5), 128x128 46 (40), 240x240 212 (213), 256x256 245 (256), 400x60 70 (82), 784x30 129 (136).
 */
import { isObject, type Json } from './refusal.js';

/** Nanoseconds of CPU per unit of work, as calibrated (for messages). */
export const NS_PER_WORK = 5;

const LAYER = 10_000;
const DRAW = 20_000;
const ORTHOGONAL_DRAW = 80_000;
const ORTHOGONAL_STEP = 16_000;

const CONSTANT = new Set(['Zeros', 'Ones', 'Constant', 'Identity']);
const NORMAL = new Set(['RandomNormal', 'TruncatedNormal', 'GlorotNormal', 'HeNormal', 'LeCunNormal']);

/** tfjs' initializer for a weight whose key is left out. */
function defaultClass(field: string): string {
  if (field === 'recurrent_initializer') return 'Orthogonal';
  if (field === 'kernel_initializer') return 'GlorotUniform';
  if (field === 'gamma_initializer' || field === 'moving_variance_initializer') return 'Ones';
  return 'Zeros';
}

/** The class of the initializer `field` names in a config (checked before: a known class or left out). */
export function initializerClass(config: Readonly<Record<string, Json>>, field: string): string {
  const init = config[field];
  return isObject(init) && typeof init.class_name === 'string' ? init.class_name : defaultClass(field);
}

function perValue(className: string, init: Json | undefined): number {
  if (CONSTANT.has(className)) return 1;
  if (NORMAL.has(className)) return 6;
  if (className === 'VarianceScaling') return isObject(init) && isObject(init.config) && init.config.distribution === 'uniform' ? 2 : 6;
  return 2;
}

/** Work of one draw of `shape` by the initializer of `field` in `config`. */
export function drawWork(config: Readonly<Record<string, Json>>, field: string, shape: readonly number[]): number {
  const className = initializerClass(config, field);
  if (className !== 'Orthogonal') return DRAW + shape.reduce((p, d) => p * d, 1) * perValue(className, config[field]);
  return orthogonalWork(shape);
}

/** The matrix tfjs factorises for an Orthogonal draw of `shape`: [rows, last dimension]. */
export function orthogonalMatrix(shape: readonly number[]): readonly [rows: number, cols: number] {
  const cols = shape[shape.length - 1]!;
  return [shape.reduce((p, d) => p * d, 1) / cols, cols];
}

/** Work of one Orthogonal draw of `shape`. */
export function orthogonalWork(shape: readonly number[]): number {
  const [rows, cols] = orthogonalMatrix(shape);
  const small = Math.min(rows, cols), large = Math.max(rows, cols);
  return ORTHOGONAL_DRAW + small * (ORTHOGONAL_STEP + Math.ceil(1.4 * large * (large + small)));
}

/** Work of building one layer, its draws apart. */
export const LAYER_WORK = LAYER;
