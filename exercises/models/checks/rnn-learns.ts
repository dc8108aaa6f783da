import { sineData } from '../lib/data.js';
import { learningCheck } from '../lib/learning.js';
import { RNN } from '../lib/specs.js';

/** 30 epochs over the notes' 80 windows of the noisy sine, batch 16 (the notes: 200 epochs, MSE 0.012). */
export const rnnLearns = learningCheck({
  id: 'rnn-learns',
  title: { fr: 'rnnModel(6) apprend le sinus bruité', en: 'rnnModel(6) learns the noisy sine' },
  spec: RNN,
  budget: { epochs: 30, batchSize: 16, maxSamples: 80 },
  data: (_ctx, tf) => ({ key: 'sine-6', load: () => sineData(tf, 6) }),
});
