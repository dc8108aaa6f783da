import type { MistakeDefinition } from 'neurograde/kit';
import { poolQuirk } from './quirks.js';

export const meanOverSize: MistakeDefinition = {
  id: 'pool-mean-over-size',
  title: { fr: 'Moyenne divisée par F au lieu de F × F', en: 'Mean divided by F instead of F × F' },
  explanation: {
    fr: "Une fenêtre F × F contient F² valeurs : leur moyenne est leur somme divisée par F². Votre code divise par F, la taille d'un côté : chaque moyenne est F fois trop grande.",
    en: 'An F × F window holds F² values: their mean is their sum divided by F². Your code divides by F, the length of one side: every mean is F times too large.',
  },
  hint: { fr: 'Divisez par size * size (ou par le nombre de valeurs lues).', en: 'Divide by size * size (or by the number of values read).' },
  ...poolQuirk({ meanOverSize: true }, { poolingOnly: true }),
};
