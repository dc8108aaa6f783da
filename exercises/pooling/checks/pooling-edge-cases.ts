import { casesCheck } from 'neurograde/kit';
import { image, maxpoolingCase, poolingCase, signed } from './pool-case.js';

/** Window as large as the image, 1x1 windows, negative and zero images, a single row. */
export const poolingEdgeCases = casesCheck({
  id: 'pooling-edge-cases',
  title: { fr: 'Cas limites', en: 'Edge cases' },
  cases: () => [
    poolingCase('window as large as the image -> 1x1', signed(4, 4), { size: 4, mode: 'mean' }),
    maxpoolingCase('n=1 keeps the image', signed(3, 4), 1),
    maxpoolingCase('all-negative image: maxima below 0', image(4, 4, (i, j) => -1 - i * 4 - j), 2),
    poolingCase('zero image, l2', image(4, 4, () => 0), { size: 2, mode: 'l2' }),
    poolingCase('a single row, F=1, S=2', [[3, -1, 4, -1, 5, -9, 2, 6]], { size: 1, stride: 2 }),
  ],
});
