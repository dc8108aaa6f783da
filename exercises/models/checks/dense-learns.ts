import { imageData, learningCheck, MNIST_SIZE } from 'neurograde/kit/models';
import { learningBudgets } from '../budgets.js';
import { DENSE } from '../specs.js';

/**
 * One epoch over 2,048 real MNIST digits, batch 32, then test accuracy on 512 others. Measured
 * over 12 seeds (docs/models-learning.md): the reference 0.818-0.869, glorotUniform, heNormal
 * and heUniform kernels 0.816-0.877; zeros kernels 0.109-0.133, learning rate 1e-5 0.096-0.176,
 * learning rate 10 0.082-0.170. The bar, 60% of the reference's accuracy at the same seed
 * (0.49-0.52), sits far from both: about 20 standard deviations below the correct models.
 */
export const denseLearns = learningCheck({
  id: 'dense-learns',
  title: { fr: 'denseModel apprend les chiffres MNIST', en: 'denseModel learns MNIST digits' },
  spec: DENSE,
  budget: learningBudgets.dense,
  pass: { kind: 'accuracy-ratio', ratio: 0.6 },
  data: (_ctx, tf) => ({ key: 'mnist-flat', load: () => imageData(tf, { flat: true }), size: MNIST_SIZE }),
});
