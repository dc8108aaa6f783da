import type { MistakeDefinition } from 'neurograde/kit';
import { rnnQuirk } from './quirks.js';

export const biasForgotten: MistakeDefinition = {
  id: 'rnn-bias-forgotten',
  title: { fr: 'Biais oublié', en: 'Bias forgotten' },
  explanation: {
    fr: 'Le cours calcule self.activation(A + B + self.b) : le biais b s\u2019ajoute à chaque pas de temps, avant l\u2019activation.',
    en: 'The notes compute self.activation(A + B + self.b): the bias b is added at every time step, before the activation.',
  },
  hint: { fr: 'Ajoutez b[j] à la préactivation de chaque neurone j.', en: 'Add b[j] to the pre-activation of each unit j.' },
  ...rnnQuirk({ biasForgotten: true }),
};
