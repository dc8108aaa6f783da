import { casesCheck } from 'neurograde/kit';
import { image, maxpoolingCase } from './pool-case.js';

const ramp = (h: number, w: number) => image(h, w, (i, j) => (i * w + j) % 13);

/** Sizes that are not multiples of n: leftover rows and columns are dropped. */
export const maxpoolingRemainders = casesCheck({
  id: 'maxpooling-remainders',
  title: { fr: 'Lignes et colonnes en trop abandonnées', en: 'Leftover rows and columns dropped' },
  cases: () => [
    maxpoolingCase({ en: '7x9, n=2 -> 3x4', fr: '7x9, n=2 -> 3x4 (restes abandonnés)' }, ramp(7, 9), 2),
    maxpoolingCase({ en: '5x7, n=3 -> 1x2', fr: '5x7, n=3 -> 1x2 (restes abandonnés)' }, ramp(5, 7), 3),
    maxpoolingCase({ en: '6x5, n=4 -> 1x1', fr: '6x5, n=4 -> 1x1 (restes abandonnés)' }, ramp(6, 5), 4),
  ],
});
