import type { MistakeDefinition } from 'neurograde/kit';
import type { Volume } from '../../../reference/shapes.js';

export const noFlooring: MistakeDefinition = {
  id: 'shape-no-flooring',
  title: { fr: 'Division non arrondie', en: 'Division not floored' },
  explanation: {
    fr: "Quand (W - F + 2P) n'est pas un multiple de S, la formule donne une taille fractionnaire. Un filtre qui ne tient pas entièrement ne produit rien : il faut la partie entière.",
    en: 'When (W - F + 2P) is not a multiple of S the formula gives a fractional size. A filter that does not fit entirely produces nothing: take the floor.',
  },
  hint: { fr: 'Utilisez Math.floor sur la division.', en: 'Use Math.floor on the division.' },
  overrides: {
    convOutputShape: (i: Volume, l: { K: number; F: number; S: number; P: number }): Volume => ({
      W: (i.W - l.F + 2 * l.P) / l.S + 1,
      H: (i.H - l.F + 2 * l.P) / l.S + 1,
      D: l.K,
    }),
    poolOutputShape: (i: Volume, l: { F: number; S: number }): Volume => ({
      W: (i.W - l.F) / l.S + 1,
      H: (i.H - l.F) / l.S + 1,
      D: i.D,
    }),
  },
};
