import type { MistakeDefinition } from 'neurograde/kit';
import { sobelQuirk } from './sobel-quirks.js';

export const sobelAbsSum: MistakeDefinition = {
  id: 'sobel-abs-sum',
  title: { fr: '|gx| + |gy| au lieu de la norme', en: '|gx| + |gy| instead of the magnitude' },
  explanation: {
    fr: "|gx| + |gy| est une approximation courante, mais le cours calcule la norme euclidienne np.sqrt(rx*rx + ry*ry). Les deux coïncident sur les bords horizontaux ou verticaux, pas sur les bords obliques.",
    en: '|gx| + |gy| is a common approximation, but the notes compute the Euclidean magnitude np.sqrt(rx*rx + ry*ry). The two agree on horizontal or vertical edges, not on slanted ones.',
  },
  hint: { fr: 'Utilisez Math.sqrt(gx * gx + gy * gy).', en: 'Use Math.sqrt(gx * gx + gy * gy).' },
  ...sobelQuirk({ magnitude: 'abs-sum' }),
};
