import type { MistakeDefinition } from 'neurograde/kit';
import { windowQuirk } from './quirks.js';

export const oneWindowTooFew: MistakeDefinition = {
  id: 'window-one-too-few',
  title: { fr: 'Une fenêtre de moins', en: 'One window too few' },
  explanation: {
    fr: 'Il y a n - s fenêtres (le cours : 100 points et s = 6 donnent 94 fenêtres, X de forme (94, 6)). La dernière commence en n - s - 1 et sa cible est la dernière valeur de la série, x[n-1] : elle est oubliée.',
    en: 'There are n - s windows (the notes: 100 points and s = 6 give 94 windows, X of shape (94, 6)). The last one starts at n - s - 1 and its target is the last value of the series, x[n-1]: it is left out.',
  },
  hint: { fr: 'La boucle va jusqu\u2019à i < n - s (range(n-s) en Python), pas i < n - s - 1.', en: 'The loop runs while i < n - s (range(n-s) in Python), not i < n - s - 1.' },
  ...windowQuirk({ count: -1 }),
};
