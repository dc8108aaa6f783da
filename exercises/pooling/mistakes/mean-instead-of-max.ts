import type { MistakeDefinition } from 'neurograde/kit';
import { poolQuirk } from './quirks.js';

export const meanInsteadOfMax: MistakeDefinition = {
  id: 'pool-mean-instead-of-max',
  title: { fr: 'Moyenne au lieu du maximum', en: 'Mean instead of max' },
  explanation: {
    fr: "Le cours cite plusieurs regroupements (la moyenne, la norme L2...) mais retient le max pooling, « le processus le plus populaire », qui garde le maximum du voisinage. maxpooling, et pooling sans mode, doivent renvoyer le maximum de chaque fenêtre ; votre code en renvoie la moyenne.",
    en: 'The notes list several poolings (the mean, the L2 norm...) but keep max pooling, "the most popular process", which keeps the maximum of the neighbourhood. maxpooling, and pooling without a mode, must return the maximum of each window; your code returns its mean.',
  },
  hint: {
    fr: "Le mode par défaut de pooling est 'max' ; maxpooling(img, n) est pooling(img, { size: n, mode: 'max' }).",
    en: "pooling's default mode is 'max'; maxpooling(img, n) is pooling(img, { size: n, mode: 'max' }).",
  },
  ...poolQuirk({ defaultMean: true }),
};
