import type { MistakeDefinition } from 'neurograde/kit';
import { sobelQuirk } from './sobel-quirks.js';

export const sobelNotNormalised: MistakeDefinition = {
  id: 'sobel-not-normalised',
  title: { fr: 'Sobel non normalisé', en: 'Sobel not normalised' },
  explanation: {
    fr: 'Après r = np.sqrt(rx*rx + ry*ry), le cours divise par le maximum : r = r / np.max(r), pour que le bord le plus net vaille 1. Votre sortie garde les normes brutes.',
    en: 'After r = np.sqrt(rx*rx + ry*ry) the notes divide by the maximum: r = r / np.max(r), so that the sharpest edge is 1. Your output keeps the raw magnitudes.',
  },
  hint: {
    fr: 'Divisez chaque valeur par le maximum de la matrice (et renvoyez des zéros si ce maximum vaut 0).',
    en: "Divide every value by the matrix's maximum (and return zeros when that maximum is 0).",
  },
  ...sobelQuirk({ notNormalised: true }),
};
