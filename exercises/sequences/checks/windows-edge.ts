import { casesCheck, call } from 'neurograde/kit';

const windows = (id: string, series: number[], s: number) => ({ id, steps: [call('makeWindows', series, s)], input: { series, s } });
const ONE_TO_TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Small series where each window and target can be read by eye, and the limits of the loop. */
export const windowsEdge = casesCheck({
  id: 'windows-edge',
  title: { fr: 'Cas limites : s = 1, une seule fenêtre, aucune fenêtre', en: 'Edge cases: s = 1, a single window, no window' },
  cases: () => [
    windows('1..10, s = 3: seven windows', ONE_TO_TEN, 3),
    windows('s = 1: each value predicts the next', [4, -2, 7, 0.5], 1),
    windows('n = s + 1: a single window', [3, 1, 4, 1, 5], 4),
    windows('n = s: no window at all', [2, 7, 1, 8], 4),
    windows('negative and repeated values, s = 2', [-1, -1, -3, 2, -3, -0.5], 2),
  ],
});
