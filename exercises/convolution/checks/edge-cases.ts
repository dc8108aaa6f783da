import { casesCheck } from 'neurograde/kit';
import { convCase, SOBEL_X } from './conv-case.js';

const img3x4 = [
  [1, -2, 3, 0],
  [4, 5, -6, 7],
  [-8, 9, 10, -1],
];

/** 1x1 kernel, kernel as large as the image, a zero image, negative values, a single row. */
export const edgeCases = casesCheck({
  id: 'edge-cases',
  title: { fr: 'Cas limites', en: 'Edge cases' },
  cases: () => [
    convCase({ en: '1x1 kernel scales the image', fr: 'un noyau 1x1 met l\u2019image à l\u2019échelle' }, img3x4, [[2]]),
    convCase({ en: 'kernel as large as the image -> 1x1', fr: 'noyau aussi grand que l\u2019image -> 1x1' }, img3x4, [
      [1, 0, -1, 2],
      [0, 3, 1, 0],
      [-2, 1, 0, 1],
    ]),
    convCase({ en: 'zero image', fr: 'image nulle' }, Array.from({ length: 5 }, () => new Array<number>(5).fill(0)), SOBEL_X),
    convCase(
      { en: 'negative values, 2x2 kernel', fr: 'valeurs négatives, noyau 2x2' },
      [
        [-3, -1, 4, -1, 5],
        [5, -9, 2, -6, -5],
        [-5, 3, -5, 8, -9],
        [7, -9, 3, -2, 3],
        [-8, 4, -6, 2, -6],
      ],
      [
        [-1, 2],
        [3, -4],
      ],
    ),
    convCase({ en: 'a single row with a 1x3 kernel', fr: 'une seule ligne avec un noyau 1x3' }, [[1, 2, 3, 4, 5, 6]], [[1, 0, -1]]),
  ],
});
