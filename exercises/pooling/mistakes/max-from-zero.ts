import type { MistakeDefinition } from 'neurograde/kit';
import { poolQuirk } from './quirks.js';

export const maxFromZero: MistakeDefinition = {
  id: 'pool-max-from-zero',
  title: { fr: 'Maximum initialisé à 0', en: 'Maximum started at 0' },
  explanation: {
    fr: "Votre maximum part de 0 : une fenêtre dont toutes les valeurs sont négatives donne 0 au lieu de sa plus grande valeur. Les images d'entrée sont positives, mais une carte de caractéristiques (la sortie d'une convolution, un gradient de Sobel) ne l'est pas.",
    en: 'Your maximum starts at 0: a window whose values are all negative gives 0 instead of its largest value. Input images are positive, but a feature map (a convolution\'s output, a Sobel gradient) is not.',
  },
  hint: { fr: 'Partez de -Infinity, ou de la première valeur de la fenêtre.', en: "Start from -Infinity, or from the window's first value." },
  ...poolQuirk({ maxFromZero: true }),
};
