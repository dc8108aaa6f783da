import type { MistakeDefinition } from 'neurograde/kit';
import { SPLIT_SHUFFLED } from '../checks/split-check.js';

export const splitShuffled: MistakeDefinition = {
  id: SPLIT_SHUFFLED,
  title: { fr: 'Mélangé avant le découpage : le futur fuit dans l\u2019apprentissage', en: 'Shuffled before the split: the future leaks into training' },
  explanation: {
    fr: 'Avec une série temporelle, le test doit être le futur de l\u2019apprentissage (le cours : X[:80] puis X[80:]). Mélanger les paires avant de couper envoie des fenêtres du futur dans l\u2019apprentissage : le modèle a déjà vu la période qu\u2019on lui demande de prédire et son score de test est trop optimiste.',
    en: 'With a time series the test data must be the future of the training data (the notes: X[:80] then X[80:]). Shuffling the pairs before the cut sends windows from the future into training: the model has already seen the period it is asked to predict, and its test score is too optimistic.',
  },
  hint: { fr: 'Coupez sans mélanger : les trainCount premières paires, puis les suivantes, dans l\u2019ordre.', en: 'Cut without shuffling: the first trainCount pairs, then the rest, in order.' },
  // A random shuffle cannot be replayed: the split checks recognise it themselves (same pairs,
  // test pairs in training) and name this id. The entry is here for its title, explanation and
  // hint; with no override the variant is the reference, which never reproduces a failed case.
  overrides: {},
};
