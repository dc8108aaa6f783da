import type { MistakeDefinition } from 'neurograde/kit';
import { shapeQuirk } from './quirks.js';

export const noFlooring: MistakeDefinition = {
  id: 'shape-no-flooring',
  title: { fr: 'Division non arrondie', en: 'Division not floored' },
  explanation: {
    fr: "Quand (W - F + 2P) n'est pas un multiple de S, la formule donne une taille fractionnaire. Un filtre qui ne tient pas entièrement ne produit rien : il faut la partie entière.",
    en: 'When (W - F + 2P) is not a multiple of S the formula gives a fractional size. A filter that does not fit entirely produces nothing: take the floor.',
  },
  hint: { fr: 'Utilisez Math.floor sur la division.', en: 'Use Math.floor on the division.' },
  ...shapeQuirk({ rounding: 'exact' }, ['convOutputShape', 'poolOutputShape']),
};
