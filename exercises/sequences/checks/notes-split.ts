import { noisySine, windowsOf } from './series.js';
import { splitCheck } from './split-check.js';

/** n readable pairs: X = [1, 2] -> Y = [3], [2, 3] -> [4], ... */
const counting = (n: number) => windowsOf(Array.from({ length: n + 2 }, (_, k) => k + 1), 2);

/** The notes' cut, `X[:80]` and `X[80:]` of the 94 windows, and the two ends of the range. */
export const notesSplit = splitCheck({
  id: 'notes-split',
  title: { fr: 'Le découpage du cours : 80 fenêtres pour apprendre, 14 pour tester', en: "The notes' split: 80 windows to train, 14 to test" },
  cases: (rng) => [
    { id: 'the notes\u2019 94 windows, trainCount = 80', ...windowsOf(noisySine(rng), 6), trainCount: 80 },
    { id: 'six counting windows, trainCount = 4', ...counting(6), trainCount: 4 },
    { id: 'trainCount = 0: everything tests', ...counting(5), trainCount: 0 },
    { id: 'trainCount = n: everything trains', ...counting(5), trainCount: 5 },
  ],
});
