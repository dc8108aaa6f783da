import type { MistakeDefinition } from 'neurograde/kit';
import { grayQuirk } from './gray-quirks.js';

export const grayLuminance: MistakeDefinition = {
  id: 'gray-luminance',
  title: { fr: 'Luminance pondérée au lieu de la moyenne', en: 'Weighted luminance instead of the mean' },
  explanation: {
    fr: "Le cours convertit en niveaux de gris par np.average(img, axis=2) : la moyenne simple des trois canaux, (R + G + B) / 3. Votre code utilise les poids de luminance 0,299 R + 0,587 G + 0,114 B (ceux d'OpenCV ou de PIL) : une conversion valable, mais pas celle demandée.",
    en: "The notes convert to grey with np.average(img, axis=2): the plain mean of the three channels, (R + G + B) / 3. Your code uses the luminance weights 0.299 R + 0.587 G + 0.114 B (OpenCV's or PIL's): a valid conversion, but not the one asked for.",
  },
  hint: { fr: 'Math.trunc((r + g + b) / 3).', en: 'Math.trunc((r + g + b) / 3).' },
  ...grayQuirk({ luminance: true }),
};
