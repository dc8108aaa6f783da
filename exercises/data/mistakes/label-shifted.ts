import type { MistakeDefinition } from 'neurograde/kit';
import { oneHotQuirk } from './quirks.js';

export const labelShifted: MistakeDefinition = {
  id: 'onehot-label-shifted',
  title: { fr: 'Étiquettes lues à partir de 1', en: 'Labels read as starting at 1' },
  explanation: {
    fr: "Les étiquettes MNIST vont de 0 à 9 : l'étiquette k met le 1 dans la colonne k (to_categorical). Votre code le met dans la colonne k - 1, comme si les classes commençaient à 1 : le chiffre 0 n'a plus de 1 du tout.",
    en: 'MNIST labels run from 0 to 9: label k puts its 1 in column k (to_categorical). Your code puts it in column k - 1, as if classes started at 1: the digit 0 gets no 1 at all.',
  },
  hint: { fr: 'row[label] = 1.', en: 'row[label] = 1.' },
  ...oneHotQuirk({ labelShifted: true }),
};
