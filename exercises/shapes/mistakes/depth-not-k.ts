import type { MistakeDefinition } from 'neurograde/kit';
import { poolOutputShape, type Volume } from '../../../reference/shapes.js';

export const depthNotK: MistakeDefinition = {
  id: 'shape-depth-not-k',
  title: { fr: 'Profondeur de sortie = profondeur d\u2019entrée', en: 'Output depth kept from the input' },
  explanation: {
    fr: 'Chaque filtre produit une carte : une convolution à K filtres sort K canaux, quelle que soit la profondeur D de l\u2019entrée (chaque filtre couvre déjà les D canaux).',
    en: 'Each filter makes one map: a convolution with K filters outputs K channels, whatever the input depth D (each filter already spans the D channels).',
  },
  hint: { fr: 'Dc = K, pas D.', en: 'Dc = K, not D.' },
  overrides: {
    convOutputShape: (i: Volume, l: { K: number; F: number; S: number; P: number }): Volume => ({
      W: Math.floor((i.W - l.F + 2 * l.P) / l.S) + 1,
      H: Math.floor((i.H - l.F + 2 * l.P) / l.S) + 1,
      D: i.D,
    }),
    poolOutputShape,
  },
};
