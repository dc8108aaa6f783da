import { casesCheck } from 'neurograde/kit';
import { image, maxpoolingCase, poolingCase, signed } from './pool-case.js';

/** Window as large as the image, 1x1 windows, negative and zero images, a single row. */
export const poolingEdgeCases = casesCheck({
  id: 'pooling-edge-cases',
  title: { fr: 'Cas limites', en: 'Edge cases' },
  cases: () => [
    poolingCase({ en: 'window as large as the image -> 1x1', fr: 'fenêtre aussi grande que l\u2019image -> 1x1' }, signed(4, 4), { size: 4, mode: 'mean' }),
    maxpoolingCase({ en: 'n=1 keeps the image', fr: 'n=1 garde l\u2019image' }, signed(3, 4), 1),
    maxpoolingCase({ en: 'all-negative image: maxima below 0', fr: 'image toute négative : maxima sous 0' }, image(4, 4, (i, j) => -1 - i * 4 - j), 2),
    poolingCase({ en: 'zero image, l2', fr: 'image nulle, l2' }, image(4, 4, () => 0), { size: 2, mode: 'l2' }),
    poolingCase({ en: 'a single row, F=1, S=2', fr: 'une seule ligne, F=1, S=2' }, [[3, -1, 4, -1, 5, -9, 2, 6]], { size: 1, stride: 2 }),
  ],
});
