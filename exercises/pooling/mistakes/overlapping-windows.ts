import type { MistakeDefinition } from 'neurograde/kit';
import { poolQuirk } from './quirks.js';

export const overlappingWindows: MistakeDefinition = {
  id: 'pool-overlapping-windows',
  title: { fr: 'Fenêtres qui se chevauchent', en: 'Overlapping windows' },
  explanation: {
    fr: "Par défaut, les cellules du pooling ne se chevauchent pas : la fenêtre avance de sa propre taille (S = F, « en général F=2 et S=2 »), et une image 168x300 regroupée par 4 donne 42x75. Votre fenêtre avance d'un pixel à la fois, comme une convolution.",
    en: 'By default pooling cells do not overlap: the window moves by its own size (S = F, "usually F=2 and S=2"), and a 168x300 image pooled by 4 gives 42x75. Your window moves one pixel at a time, like a convolution.',
  },
  hint: {
    fr: 'Le pas par défaut est la taille de la fenêtre : stride = options.stride ?? options.size.',
    en: "The default stride is the window's size: stride = options.stride ?? options.size.",
  },
  ...poolQuirk({ strideDefaultOne: true }),
};
