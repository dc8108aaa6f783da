import type { MistakeDefinition } from 'neurograde/kit';
import { shapeQuirk } from './quirks.js';

export const ceilDivision: MistakeDefinition = {
  id: 'shape-ceil',
  title: { fr: 'Division arrondie vers le haut', en: 'Division rounded up' },
  explanation: {
    fr: "Quand (W - F + 2P) n'est pas un multiple de S, le dernier filtre ne tient pas entièrement dans l'image : il ne produit aucune sortie, et Keras arrondit vers le bas. Votre code arrondit vers le haut (Math.ceil) et compte une position de trop.",
    en: 'When (W - F + 2P) is not a multiple of S, the last filter does not fit entirely in the image: it produces no output, and Keras rounds down. Your code rounds up (Math.ceil) and counts one position too many.',
  },
  hint: { fr: 'Math.floor, pas Math.ceil ni Math.round.', en: 'Math.floor, not Math.ceil nor Math.round.' },
  ...shapeQuirk({ rounding: 'ceil' }, ['convOutputShape', 'poolOutputShape']),
};
