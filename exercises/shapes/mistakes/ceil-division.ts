import type { MistakeDefinition } from 'neurograde/kit';
import type { Volume } from '../../../reference/shapes.js';

export const ceilDivision: MistakeDefinition = {
  id: 'shape-ceil',
  title: { fr: 'Division arrondie vers le haut', en: 'Division rounded up' },
  explanation: {
    fr: "Quand (W - F + 2P) n'est pas un multiple de S, le dernier filtre ne tient pas entièrement dans l'image : il ne produit aucune sortie, et Keras arrondit vers le bas. Votre code arrondit vers le haut (Math.ceil) et compte une position de trop.",
    en: 'When (W - F + 2P) is not a multiple of S, the last filter does not fit entirely in the image: it produces no output, and Keras rounds down. Your code rounds up (Math.ceil) and counts one position too many.',
  },
  hint: { fr: 'Math.floor, pas Math.ceil ni Math.round.', en: 'Math.floor, not Math.ceil nor Math.round.' },
  overrides: {
    convOutputShape: (i: Volume, l: { K: number; F: number; S: number; P: number }): Volume => ({
      W: Math.ceil((i.W - l.F + 2 * l.P) / l.S) + 1,
      H: Math.ceil((i.H - l.F + 2 * l.P) / l.S) + 1,
      D: l.K,
    }),
    poolOutputShape: (i: Volume, l: { F: number; S: number }): Volume => ({
      W: Math.ceil((i.W - l.F) / l.S) + 1,
      H: Math.ceil((i.H - l.F) / l.S) + 1,
      D: i.D,
    }),
  },
};
