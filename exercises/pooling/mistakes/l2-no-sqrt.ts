import type { MistakeDefinition } from 'neurograde/kit';
import { poolQuirk } from './quirks.js';

export const l2NoSqrt: MistakeDefinition = {
  id: 'pool-l2-no-sqrt',
  title: { fr: 'Norme L2 sans la racine carrée', en: 'L2 norm without the square root' },
  explanation: {
    fr: 'La norme L2 du voisinage (le 2e regroupement du cours) est la racine carrée de la somme des carrés. Votre mode l2 renvoie la somme des carrés elle-même.',
    en: "The L2 norm of the neighbourhood (the notes' second pooling) is the square root of the sum of squares. Your l2 mode returns the sum of squares itself.",
  },
  hint: { fr: 'Terminez par Math.sqrt(somme).', en: 'Finish with Math.sqrt(sum).' },
  ...poolQuirk({ l2: 'no-sqrt' }, { poolingOnly: true }),
};
