import { casesCheck } from 'neurograde/kit';
import { syntheticGray } from '../../image/checks/synthetic-image.js';
import { convCase, NOTES_KERNEL, SOBEL_X } from './conv-case.js';

/** Strides, with and without a remainder, alone and with padding. */
export const stride = casesCheck({
  id: 'stride',
  title: { fr: 'Pas (stride)', en: 'Stride' },
  cases: () => [
    convCase({ en: 'S=2, 3x3 kernel on 7x7 -> 3x3', fr: 'S=2, noyau 3x3 sur 7x7 -> 3x3' }, syntheticGray(7, 7), SOBEL_X, { stride: 2 }),
    convCase({ en: 'S=2 on 8x9, remainders dropped -> 3x4', fr: 'S=2 sur 8x9, restes abandonnés -> 3x4' }, syntheticGray(8, 9), NOTES_KERNEL, { stride: 2 }),
    convCase(
      { en: 'S=3, 2x2 kernel on 7x8 -> 2x3', fr: 'S=3, noyau 2x2 sur 7x8 -> 2x3' },
      syntheticGray(7, 8),
      [
        [1, -1],
        [2, 0],
      ],
      { stride: 3, padding: 0 },
    ),
    convCase({ en: 'S=2, P=1, 3x3 kernel on 6x6 -> 3x3', fr: 'S=2, P=1, noyau 3x3 sur 6x6 -> 3x3' }, syntheticGray(6, 6), SOBEL_X, { stride: 2, padding: 1 }),
  ],
});
