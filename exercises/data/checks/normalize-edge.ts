import { casesCheck, call, named, type CaseName } from 'neurograde/kit';

const normalize = (name: CaseName, pixels: number[][]) => ({ ...named(name), steps: [call('normalize', pixels)], input: { pixels } });

/** Black, white, a single pixel, a single row, a dark non-square image. */
export const normalizeEdge = casesCheck({
  id: 'normalize-edge',
  title: { fr: 'Cas limites : image noire, image blanche, un seul pixel', en: 'Edge cases: a black image, a white image, a single pixel' },
  cases: () => [
    normalize({ en: 'all-zero pixels (a black image)', fr: 'pixels tous nuls (une image noire)' }, [[0, 0, 0], [0, 0, 0]]),
    normalize({ en: 'every pixel 255 (a white image)', fr: 'tous les pixels à 255 (une image blanche)' }, [[255, 255], [255, 255]]),
    normalize({ en: 'a single pixel', fr: 'un seul pixel' }, [[128]]),
    normalize({ en: 'one row, 0 to 255 by 51', fr: 'une ligne, de 0 à 255 par pas de 51' }, [[0, 51, 102, 153, 204, 255]]),
    normalize({ en: 'a dark 2 x 5 image (max 100)', fr: 'une image sombre 2 x 5 (max 100)' }, [[0, 10, 20, 30, 40], [50, 60, 70, 80, 100]]),
  ],
});
