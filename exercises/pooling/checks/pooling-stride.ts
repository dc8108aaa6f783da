import { casesCheck } from 'neurograde/kit';
import { poolingCase, signed } from './pool-case.js';

/** Explicit strides (overlapping windows, gaps, remainders) and the defaults (S = F, 'max'). */
export const poolingStride = casesCheck({
  id: 'pooling-stride',
  title: { fr: 'Pas et valeurs par défaut', en: 'Stride and defaults' },
  cases: () => [
    poolingCase({ en: 'defaults: size 2 on 6x4 -> 3x2 maxima', fr: 'valeurs par défaut : taille 2 sur 6x4 -> 3x2 maxima' }, signed(6, 4), { size: 2 }),
    poolingCase({ en: "F=3, S=2 (overlapping), 'max' on 7x7 -> 3x3", fr: 'F=3, S=2 (fenêtres qui se chevauchent), \'max\' sur 7x7 -> 3x3' }, signed(7, 7), { size: 3, stride: 2, mode: 'max' }),
    poolingCase({ en: "F=2, S=3 (gaps), 'mean' on 8x8 -> 3x3", fr: 'F=2, S=3 (avec des trous), \'mean\' sur 8x8 -> 3x3' }, signed(8, 8), { size: 2, stride: 3, mode: 'mean' }),
    poolingCase({ en: 'F=3, S=2 on 8x6, remainders dropped -> 3x2', fr: 'F=3, S=2 sur 8x6, restes abandonnés -> 3x2' }, signed(8, 6), { size: 3, stride: 2 }),
  ],
});
