/**
 * The data the learning checks train on, as tensors: real MNIST digits (the `mnist` package),
 * Fashion-MNIST from the teacher's IDX files when given, the notes' noisy sine. Built once per
 * grading environment through the check's memo: every submission of a batch reuses them.
 */
import type * as TF from '@tensorflow/tfjs';
import { type CheckContext, GraderError } from '../index.js';
import { type ImageSet } from '../../data/dataset.js';
import { loadFashionMnist } from '../../data/idx.js';
import { loadMnist } from '../../data/mnist.js';
import { mulberry32, permutation } from '../../data/random.js';
import { noisySine } from '../../data/sine.js';
import { type Tf } from '../../tf/backend.js';

export type DatasetName = 'mnist' | 'fashion' | 'sine';

/** Training and evaluation tensors; `test` is absent where the notes score on the training set. */
export interface TaskData {
  readonly name: DatasetName;
  readonly train: { readonly x: TF.Tensor; readonly y: TF.Tensor };
  readonly test?: { readonly x: TF.Tensor; readonly y: TF.Tensor };
}

/** How many images the learning checks use: what a 2-core machine trains in a few seconds. */
export const IMAGE_COUNTS = { train: 2048, test: 512 } as const;

/** What a learning check says of its data (their name, how many samples it trains on), known before they load. */
export interface DataSize {
  readonly name: DatasetName;
  readonly train: number;
}

/** The size of data loaded. */
export const sizeOf = (data: TaskData): DataSize => ({ name: data.name, train: data.train.x.shape[0]! });

/** MNIST digits as the learning checks load them (the `mnist` package holds 60,000: every split has its count). */
export const MNIST_SIZE: DataSize = { name: 'mnist', train: IMAGE_COUNTS.train };
// Seed of the MNIST split and of the Fashion-MNIST subset (fixed: the data never depend on the grading seed).
const SPLIT_SEED = 7;

// A seeded subset of at most `count` images, in permuted order.
function subset(set: ImageSet, count: number, seed: number): ImageSet {
  if (set.count <= count) return set;
  const order = permutation(set.count, mulberry32(seed)).slice(0, count);
  const pixels = set.height * set.width;
  const images = new Float32Array(count * pixels);
  const labels = new Uint8Array(count);
  const oneHot = new Float32Array(count * set.classes);
  order.forEach((src, i) => {
    images.set(set.images.subarray(src * pixels, (src + 1) * pixels), i * pixels);
    labels[i] = set.labels[src]!;
    oneHot.set(set.oneHot.subarray(src * set.classes, (src + 1) * set.classes), i * set.classes);
  });
  return { ...set, images, labels, oneHot, count };
}

function imageTensors(tf: Tf, set: ImageSet, layout: 'flat' | 'image'): { x: TF.Tensor; y: TF.Tensor } {
  const x = layout === 'flat' ? tf.tensor2d(set.images, [set.count, set.height * set.width]) : tf.tensor4d(set.images, [set.count, set.height, set.width, 1]);
  return { x, y: tf.tensor2d(set.oneHot, [set.count, set.classes]) };
}

/**
 * Images for a classifier: MNIST digits, or Fashion-MNIST from `fashionDir` (28x28 images,
 * 10 classes, as the notes' CNN expects; anything else is a configuration fault).
 */
export function imageData(tf: Tf, options: { readonly flat: boolean; readonly fashionDir?: string }): TaskData {
  let train: ImageSet, test: ImageSet, name: DatasetName;
  if (options.fashionDir === undefined) {
    ({ train, test } = loadMnist({ trainCount: IMAGE_COUNTS.train, testCount: IMAGE_COUNTS.test, seed: SPLIT_SEED }));
    name = 'mnist';
  } else {
    let split;
    try {
      split = loadFashionMnist(options.fashionDir);
    } catch (e) {
      throw new GraderError('BAD_CONFIG', `Fashion-MNIST files in ${options.fashionDir} cannot be read: ${(e as Error).message}`, { cause: e });
    }
    for (const set of [split.train, split.test]) {
      if (set.height !== 28 || set.width !== 28 || set.count === 0) {
        throw new GraderError('BAD_CONFIG', `Fashion-MNIST in ${options.fashionDir} must hold 28x28 images, got ${set.count} of ${set.height}x${set.width}`);
      }
    }
    train = subset(split.train, IMAGE_COUNTS.train, SPLIT_SEED);
    test = subset(split.test, IMAGE_COUNTS.test, SPLIT_SEED + 1);
    name = 'fashion';
  }
  const layout = options.flat ? 'flat' : 'image';
  return { name, train: imageTensors(tf, train, layout), test: imageTensors(tf, test, layout) };
}

/** The notes' noisy sine, windows of `s`, the 80 first windows to train on (and to score, as the notes do). */
export function sineData(tf: Tf, s: number): TaskData {
  const d = noisySine({ seed: SPLIT_SEED, s });
  const n = d.xTrain.length;
  return { name: 'sine', train: { x: tf.tensor3d(d.xTrainFlat, [n, s, 1]), y: tf.tensor2d(d.yTrainFlat, [n, 1]) } };
}

/** The CNNs' data: the teacher's Fashion-MNIST when the grading was given its folder, MNIST digits otherwise. */
export function cnnData(ctx: CheckContext, tf: Tf): { readonly key: string; readonly load: () => TaskData; readonly size?: DataSize } {
  const dir = ctx.datasets?.fashionMnist;
  return dir === undefined
    ? { key: 'mnist-images', load: () => imageData(tf, { flat: false }), size: MNIST_SIZE }
    : { key: `fashion-mnist:${dir}`, load: () => imageData(tf, { flat: false, fashionDir: dir }) };
}
