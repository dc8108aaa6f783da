import { named } from 'neurograde/kit';
import { noisySine, windowsOf } from './series.js';
import { splitCheck } from './split-check.js';

/** n readable pairs: X = [1, 2] -> Y = [3], [2, 3] -> [4], ... */
const counting = (n: number) => windowsOf(Array.from({ length: n + 2 }, (_, k) => k + 1), 2);

/** The notes' cut, `X[:80]` and `X[80:]` of the 94 windows, and the two ends of the range. */
export const notesSplit = splitCheck({
  id: 'notes-split',
  title: { fr: 'Le découpage du cours : 80 fenêtres pour apprendre, 14 pour tester', en: "The notes' split: 80 windows to train, 14 to test" },
  cases: (rng) => [
    { ...named({ en: 'the notes\u2019 94 windows, trainCount = 80', fr: 'les 94 fenêtres du cours, trainCount = 80' }), ...windowsOf(noisySine(rng), 6), trainCount: 80 },
    { ...named({ en: 'six counting windows, trainCount = 4', fr: 'six fenêtres qui comptent, trainCount = 4' }), ...counting(6), trainCount: 4 },
    { ...named({ en: 'trainCount = 0: everything tests', fr: 'trainCount = 0 : tout en test' }), ...counting(5), trainCount: 0 },
    { ...named({ en: 'trainCount = n: everything trains', fr: 'trainCount = n : tout en entraînement' }), ...counting(5), trainCount: 5 },
  ],
});
