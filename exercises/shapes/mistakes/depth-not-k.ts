import type { MistakeDefinition } from 'neurograde/kit';
import { shapeQuirk } from './quirks.js';

export const depthNotK: MistakeDefinition = {
  id: 'shape-depth-not-k',
  title: { fr: 'Profondeur de sortie = profondeur d\u2019entrée', en: 'Output depth kept from the input' },
  explanation: {
    fr: 'Chaque filtre produit une carte : une convolution à K filtres sort K canaux, quelle que soit la profondeur D de l\u2019entrée (chaque filtre couvre déjà les D canaux).',
    en: 'Each filter makes one map: a convolution with K filters outputs K channels, whatever the input depth D (each filter already spans the D channels).',
  },
  hint: { fr: 'Dc = K, pas D.', en: 'Dc = K, not D.' },
  ...shapeQuirk({ depthNotK: true }, ['convOutputShape', 'poolOutputShape']),
};
