import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadMnist, readMnistPool } from './mnist.js';

afterEach(() => vi.restoreAllMocks());

describe('MNIST from the mnist package', () => {
  it('reads the 10,000 real digits with the package counts per digit, pixels in 0..1', () => {
    const { images, labels } = readMnistPool();
    expect(labels).toHaveLength(10000);
    expect(images).toHaveLength(10000 * 784);
    const counts = Array.from({ length: 10 }, (_, d) => labels.filter((l) => l === d).length);
    expect(counts).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    let min = Infinity, max = -Infinity, sum = 0;
    for (const v of images) { min = Math.min(min, v); max = Math.max(max, v); sum += v; }
    expect([min, max]).toEqual([0, 1]);
    expect(sum / images.length).toBeGreaterThan(0.1); // real digits: ~13% ink on average
    expect(sum / images.length).toBeLessThan(0.16);
  });

  it('splits with a seed, never with Math.random, into disjoint sets covering the pool', () => {
    const random = vi.spyOn(Math, 'random').mockImplementation(() => { throw new Error('Math.random used'); });
    const a = loadMnist({ trainCount: 9000, testCount: 1000, seed: 5 });
    expect(random).not.toHaveBeenCalled();
    expect(a.train.count + a.test.count).toBe(10000);
    // Disjoint and covering: together they have exactly the pool's label counts.
    const counts = new Array(10).fill(0);
    for (const l of [...a.train.labels, ...a.test.labels]) counts[l]++;
    expect(counts).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    // Shuffled, not digit-major: the first 100 training labels contain many digits.
    expect(new Set(a.train.labels.subarray(0, 100)).size).toBe(10);
    const b = loadMnist({ trainCount: 9000, testCount: 1000, seed: 5 });
    expect(b.test.labels).toEqual(a.test.labels);
    // Byte comparison: vitest's deep equality on 784,000 floats takes seconds.
    expect(Buffer.from(b.test.images.buffer).equals(Buffer.from(a.test.images.buffer))).toBe(true);
    const c = loadMnist({ trainCount: 9000, testCount: 1000, seed: 6 });
    expect(c.test.labels).not.toEqual(a.test.labels);
  });

  it('returns one-hot rows matching the labels and 28x28 images', () => {
    const { train } = loadMnist({ trainCount: 50, testCount: 10, seed: 1 });
    expect([train.count, train.height, train.width, train.classes]).toEqual([50, 28, 28, 10]);
    expect(train.images).toHaveLength(50 * 784);
    for (let i = 0; i < 50; i++) {
      const row = Array.from(train.oneHot.subarray(i * 10, i * 10 + 10));
      expect(row.indexOf(1)).toBe(train.labels[i]);
      expect(row.reduce((s, v) => s + v, 0)).toBe(1);
    }
  });

  it('rejects a split larger than the pool', () => {
    expect(() => loadMnist({ trainCount: 9000, testCount: 1001 })).toThrow(RangeError);
  });
});
