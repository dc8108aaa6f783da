import type { MistakeDefinition } from 'neurograde/kit';
import { shapeQuirk } from './quirks.js';

export const paddingOnce: MistakeDefinition = {
  id: 'shape-padding-once',
  title: { fr: 'P au lieu de 2P', en: 'P instead of 2P' },
  explanation: {
    fr: "Le contour de zéros fait P pixels de chaque côté : l'image complétée a W + 2P colonnes, d'où Wc = (W - F + 2P) / S + 1. Votre formule n'ajoute P qu'une fois.",
    en: 'The border of zeros is P pixels on each side: the padded image has W + 2P columns, hence Wc = (W - F + 2P) / S + 1. Your formula adds P only once.',
  },
  hint: { fr: 'Vérifiez avec F = 3, P = 1, S = 1 : la taille doit rester la même.', en: 'Check with F = 3, P = 1, S = 1: the size must stay the same.' },
  ...shapeQuirk({ paddingOnce: true }, ['convOutputShape']),
};
