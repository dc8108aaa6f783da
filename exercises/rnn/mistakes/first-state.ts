import type { MistakeDefinition } from 'neurograde/kit';
import { rnnQuirk } from './quirks.js';

export const firstState: MistakeDefinition = {
  id: 'rnn-first-state',
  title: { fr: 'Premier état renvoyé au lieu du dernier', en: 'First state returned instead of the last' },
  explanation: {
    fr: 'forward doit parcourir toute la séquence et renvoyer h_T, l\u2019état après le dernier pas : c\u2019est lui qui résume la séquence. Renvoyer h_1 ignore tout sauf le premier x.',
    en: 'forward must run over the whole sequence and return h_T, the state after the last step: it is what sums the sequence up. Returning h_1 ignores everything but the first x.',
  },
  hint: { fr: 'Le return se place après la boucle sur les pas de temps, pas dedans.', en: 'The return goes after the loop over the time steps, not inside it.' },
  ...rnnQuirk({ firstState: true }),
};
