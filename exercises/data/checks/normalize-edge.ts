import { casesCheck, call } from 'neurograde/kit';

const normalize = (id: string, pixels: number[][]) => ({ id, steps: [call('normalize', pixels)], input: { pixels } });

/** Black, white, a single pixel, a single row, a dark non-square image. */
export const normalizeEdge = casesCheck({
  id: 'normalize-edge',
  title: { fr: 'Cas limites : image noire, image blanche, un seul pixel', en: 'Edge cases: a black image, a white image, a single pixel' },
  cases: () => [
    normalize('all-zero pixels (a black image)', [[0, 0, 0], [0, 0, 0]]),
    normalize('every pixel 255 (a white image)', [[255, 255], [255, 255]]),
    normalize('a single pixel', [[128]]),
    normalize('one row, 0 to 255 by 51', [[0, 51, 102, 153, 204, 255]]),
    normalize('a dark 2 x 5 image (max 100)', [[0, 10, 20, 30, 40], [50, 60, 70, 80, 100]]),
  ],
});
