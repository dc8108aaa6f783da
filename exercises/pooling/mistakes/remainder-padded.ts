import type { MistakeDefinition } from 'neurograde/kit';
import { poolQuirk } from './quirks.js';

export const remainderPadded: MistakeDefinition = {
  id: 'pool-remainder-padded',
  title: { fr: 'Reste complété au lieu d’être abandonné', en: 'Remainder padded instead of dropped' },
  explanation: {
    fr: "Quand la taille de l'image n'est pas un multiple du pas, les dernières lignes ou colonnes ne remplissent pas une fenêtre : le pooling les abandonne (taille floor((N - F) / S) + 1, comme Keras). Votre code ajoute une fenêtre incomplète, complétée par des zéros.",
    en: 'When the image size is not a multiple of the stride, the last rows or columns do not fill a window: pooling drops them (size floor((N - F) / S) + 1, like Keras). Your code adds an incomplete window, filled with zeros.',
  },
  hint: {
    fr: 'Math.floor, pas Math.ceil : seules les fenêtres entièrement dans l’image produisent une sortie.',
    en: 'Math.floor, not Math.ceil: only windows entirely inside the image produce an output.',
  },
  ...poolQuirk({ remainderPadded: true }),
};
