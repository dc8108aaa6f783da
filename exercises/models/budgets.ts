/**
 * The training budgets of the learning checks, in one place: the checks and the measurement of
 * their spread over seeds (`npm run bench -- models-learning`) read the same numbers.
 */
import type { Budget } from 'neurograde/kit/models';

export const learningBudgets = {
  dense: { epochs: 1, batchSize: 32, maxSamples: 2048 },
  cnn: { epochs: 2, batchSize: 64, maxSamples: 2048 },
  deepCnn: { epochs: 3, batchSize: 64, maxSamples: 2048 },
  rnn: { epochs: 30, batchSize: 16, maxSamples: 80 },
} as const satisfies Record<string, Budget>;
