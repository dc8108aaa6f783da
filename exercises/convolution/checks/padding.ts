import { casesCheck } from 'neurograde/kit';
import { syntheticGray } from '../../image/checks/synthetic-image.js';
import { convCase, NOTES_KERNEL_5X5, SOBEL_X } from './conv-case.js';

/** Zero padding: the notes' "F=3, P=1" and "F=5, P=2" keep the size; P is added on every side. */
export const padding = casesCheck({
  id: 'padding',
  title: { fr: 'Remplissage par des zéros (zero-padding)', en: 'Zero padding' },
  cases: () => [
    convCase({ en: 'F=3, P=1 keeps a 6x7 image 6x7', fr: 'F=3, P=1 garde une image 6x7 en 6x7' }, syntheticGray(6, 7), SOBEL_X, { padding: 1 }),
    convCase({ en: 'F=5, P=2 keeps a 8x9 image 8x9', fr: 'F=5, P=2 garde une image 8x9 en 8x9' }, syntheticGray(8, 9), NOTES_KERNEL_5X5, { padding: 2 }),
    convCase(
      { en: '2x4 kernel, P=1 on 5x6 -> 6x5', fr: 'noyau 2x4, P=1 sur 5x6 -> 6x5' },
      [
        [3, 1, 4, 1, 5, 9],
        [2, 6, 5, 3, 5, 8],
        [9, 7, 9, 3, 2, 3],
        [8, 4, 6, 2, 6, 4],
        [3, 3, 8, 3, 2, 7],
      ],
      [
        [1, 2, 0, -1],
        [0, 1, -2, 3],
      ],
      { padding: 1 },
    ),
    convCase(
      { en: 'P=2 with a 3x3 kernel: corners see only zeros', fr: 'P=2 avec un noyau 3x3 : les coins ne voient que des zéros' },
      [
        [1, 2, 3, 4],
        [5, 6, 7, 8],
        [9, 10, 11, 12],
        [13, 14, 15, 16],
      ],
      [
        [1, 0, 2],
        [0, 1, 0],
        [3, 0, 1],
      ],
      { padding: 2, stride: 1 },
    ),
  ],
});
