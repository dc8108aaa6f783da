import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalize, toCategorical } from './data.js';
import { assertAllClose, matrix } from './test-helpers.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('normalize', () => {
  it('matches tf.div(x, 255) on 8-bit images', () => {
    const c = fc
      .record({ h: fc.integer({ min: 1, max: 10 }), w: fc.integer({ min: 1, max: 10 }) })
      .chain(({ h, w }) => matrix(h, w, fc.integer({ min: 0, max: 255 })));
    fc.assert(
      fc.property(c, (pixels) => {
        const want = tf.tidy(() => tf.div(tf.tensor2d(pixels), 255).arraySync() as number[][]);
        assertAllClose(normalize(pixels), want, { rtol: 1e-6, atol: 0 });
      }),
      { numRuns: 60 },
    );
  });

  it('maps 0 to 0 and 255 to 1 exactly', () => {
    expect(normalize([[0, 255, 51]])).toEqual([[0, 1, 0.2]]);
  });
});

describe('toCategorical', () => {
  it.each([
    { labels: [0, 2, 1], numClasses: undefined, width: 3, why: 'inferred as max + 1' },
    { labels: [3], numClasses: undefined, width: 4, why: 'absent low classes still get columns' },
    { labels: [1, 1, 0], numClasses: undefined, width: 2, why: 'repeated labels' },
    { labels: [0, 2, 1], numClasses: 5, width: 5, why: 'explicit numClasses wins' },
    { labels: [9, 0, 4], numClasses: 10, width: 10, why: 'MNIST-sized' },
  ])('$labels with numClasses $numClasses -> width $width ($why)', ({ labels, numClasses, width }) => {
    const got = toCategorical(labels, numClasses);
    const want = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), width).arraySync() as number[][]);
    expect(got).toEqual(want);
  });

  it('matches tf.oneHot on random labels (inferred width)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 50 }), (labels) => {
        const width = Math.max(...labels) + 1;
        // tf.oneHot rejects depth 1 (Keras accepts it): encode with depth >= 2, keep `width` columns.
        const want = tf.tidy(
          () =>
            tf
              .oneHot(tf.tensor1d(labels, 'int32'), Math.max(width, 2))
              .slice([0, 0], [labels.length, width])
              .arraySync() as number[][],
        );
        expect(toCategorical(labels)).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });

  it('handles 60,000 labels (no spread of the whole array into Math.max)', () => {
    const labels = Array.from({ length: 60_000 }, (_, i) => (i * 7) % 10);
    const got = toCategorical(labels);
    expect(got).toHaveLength(60_000);
    expect(got[59_999]).toEqual(Array.from({ length: 10 }, (_, k) => (k === (59_999 * 7) % 10 ? 1 : 0)));
  });

  it('encodes a single class as a width-1 column of ones, like Keras', () => {
    expect(toCategorical([0, 0])).toEqual([[1], [1]]);
  });

  it('returns [] for no labels', () => {
    expect(toCategorical([])).toEqual([]);
  });
});
