import { cnnData } from '../lib/data.js';
import { learningCheck } from '../lib/learning.js';
import { CNN } from '../lib/specs.js';

/** One epoch over 1,024 images at the notes' batch 64: MNIST digits, or the teacher's Fashion-MNIST. */
export const cnnLearns = learningCheck({
  id: 'cnn-learns',
  title: { fr: 'cnnModel apprend (MNIST, ou Fashion-MNIST si fourni)', en: 'cnnModel learns (MNIST, or Fashion-MNIST when provided)' },
  spec: CNN,
  budget: { epochs: 1, batchSize: 64, maxSamples: 1024 },
  data: cnnData,
});
