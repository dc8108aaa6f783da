import type { MistakeDefinition } from 'neurograde/kit';
import { poolQuirk } from './quirks.js';

export const l2Rms: MistakeDefinition = {
  id: 'pool-l2-rms',
  title: { fr: 'Moyenne quadratique au lieu de la norme L2', en: 'Root mean square instead of the L2 norm' },
  explanation: {
    fr: "La norme L2 du voisinage (le cours) est la racine de la somme des carrés : sqrt(Σ v²). Votre code divise la somme par le nombre de valeurs avant la racine (la moyenne quadratique, RMS) : le résultat est trop petit d'un facteur égal à la taille de la fenêtre F.",
    en: "The neighbourhood's L2 norm (the notes) is the root of the sum of squares: sqrt(Σ v²). Your code divides the sum by the number of values before the root (the root mean square): the result is too small by a factor of the window size F.",
  },
  hint: { fr: 'Math.sqrt(somme des carrés), sans diviser par F * F.', en: 'Math.sqrt(sum of squares), without dividing by F * F.' },
  ...poolQuirk({ l2: 'rms' }, { poolingOnly: true }),
};
