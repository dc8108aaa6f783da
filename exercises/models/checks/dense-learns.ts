import { imageData } from '../lib/data.js';
import { learningCheck } from '../lib/learning.js';
import { DENSE } from '../lib/specs.js';

/** One epoch over 2,048 real MNIST digits, batch 32, then test accuracy on 512 others. */
export const denseLearns = learningCheck({
  id: 'dense-learns',
  title: { fr: 'denseModel apprend les chiffres MNIST', en: 'denseModel learns MNIST digits' },
  spec: DENSE,
  budget: { epochs: 1, batchSize: 32, maxSamples: 2048 },
  data: (_ctx, tf) => ({ key: 'mnist-flat', load: () => imageData(tf, { flat: true }) }),
});
