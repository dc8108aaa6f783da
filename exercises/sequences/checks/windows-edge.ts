import { casesCheck, call, named, type CaseName } from 'neurograde/kit';

const windows = (name: CaseName, series: number[], s: number) => ({ ...named(name), steps: [call('makeWindows', series, s)], input: { series, s } });
const ONE_TO_TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Small series where each window and target can be read by eye, and the limits of the loop. */
export const windowsEdge = casesCheck({
  id: 'windows-edge',
  title: { fr: 'Cas limites : s = 1, une seule fenêtre, aucune fenêtre', en: 'Edge cases: s = 1, a single window, no window' },
  cases: () => [
    windows({ en: '1..10, s = 3: seven windows', fr: '1..10, s = 3 : sept fenêtres' }, ONE_TO_TEN, 3),
    windows({ en: 's = 1: each value predicts the next', fr: 's = 1 : chaque valeur prédit la suivante' }, [4, -2, 7, 0.5], 1),
    windows({ en: 'n = s + 1: a single window', fr: 'n = s + 1 : une seule fenêtre' }, [3, 1, 4, 1, 5], 4),
    windows({ en: 'n = s: no window at all', fr: 'n = s : aucune fenêtre' }, [2, 7, 1, 8], 4),
    windows({ en: 'negative and repeated values, s = 2', fr: 'valeurs négatives et répétées, s = 2' }, [-1, -1, -3, 2, -3, -0.5], 2),
  ],
});
