import type { MistakeDefinition } from 'neurograde/kit';
import { shapeQuirk } from './quirks.js';

export const depthForgotten: MistakeDefinition = {
  id: 'param-depth-forgotten',
  title: { fr: 'Filtre compté F × F au lieu de F × F × D', en: 'Filter counted F × F instead of F × F × D' },
  explanation: {
    fr: "Le cours le dit : « chaque filtre est de dimensions F × F × D ». Un filtre couvre toutes les D couches de l'entrée, il a donc F·F·D poids, plus un biais. Votre compte oublie D, ce qui n'est juste que pour une image en niveaux de gris (D = 1).",
    en: 'The notes say it: "each filter is F × F × D". A filter spans all D channels of its input, so it has F·F·D weights, plus one bias. Your count leaves D out, which is right only for a grey image (D = 1).',
  },
  hint: { fr: '(F * F * D + 1) * K : une Conv2D 3x3 de 20 vers 20 filtres a 3 620 paramètres.', en: '(F * F * D + 1) * K: a 3x3 Conv2D from 20 to 20 filters has 3,620 parameters.' },
  ...shapeQuirk({ depthForgotten: true }, ['convParamCount']),
};
