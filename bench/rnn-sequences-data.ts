// `npm run bench -- rnn-sequences-data`: grading time of one submission for the exercises rnn,
// sequences and data (target: about 1 s for the three, on 2 cores).
import { benchGradingTime } from './grading-time.js';

export async function benchRnnSequencesData(): Promise<void> {
  await benchGradingTime(['rnn', 'sequences', 'data']);
}
