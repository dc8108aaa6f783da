import type { MistakeDefinition } from 'neurograde/kit';
import { grayQuirk } from './gray-quirks.js';

export const grayNotTruncated: MistakeDefinition = {
  id: 'gray-not-truncated',
  title: { fr: 'Moyenne gardée en décimal (astype(int) oublié)', en: 'Mean kept as a decimal (astype(int) forgotten)' },
  explanation: {
    fr: "Le cours écrit np.average(img, axis=2).astype(int) : la moyenne des canaux est tronquée en entier. Votre code garde la partie décimale (85,33 au lieu de 85).",
    en: 'The notes write np.average(img, axis=2).astype(int): the mean of the channels is truncated to an integer. Your code keeps the fractional part (85.33 instead of 85).',
  },
  hint: { fr: 'Math.trunc((r + g + b) / 3).', en: 'Math.trunc((r + g + b) / 3).' },
  ...grayQuirk({ fraction: 'kept' }),
};
