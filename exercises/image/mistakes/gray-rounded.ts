import type { MistakeDefinition } from 'neurograde/kit';
import { grayQuirk } from './gray-quirks.js';

export const grayRounded: MistakeDefinition = {
  id: 'gray-rounded',
  title: { fr: 'Niveau de gris arrondi au lieu de tronqué', en: 'Grey level rounded instead of truncated' },
  explanation: {
    fr: "Le cours écrit np.average(img, axis=2).astype(int) : astype(int) tronque vers zéro, il n'arrondit pas. Une moyenne de 85,67 donne 85, pas 86.",
    en: 'The notes write np.average(img, axis=2).astype(int): astype(int) truncates toward zero, it does not round. A mean of 85.67 gives 85, not 86.',
  },
  hint: { fr: 'Utilisez Math.trunc, pas Math.round.', en: 'Use Math.trunc, not Math.round.' },
  ...grayQuirk({ fraction: 'rounded' }),
};
