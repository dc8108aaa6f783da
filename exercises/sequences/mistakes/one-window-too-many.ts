import type { MistakeDefinition } from 'neurograde/kit';
import { windowQuirk } from './quirks.js';

export const oneWindowTooMany: MistakeDefinition = {
  id: 'window-one-too-many',
  title: { fr: 'Une fenêtre de trop', en: 'One window too many' },
  explanation: {
    fr: 'Il y a n - s fenêtres (le cours : for i in range(n-s), 100 points et s = 6 donnent 94 fenêtres). Une fenêtre de plus commence en n - s : sa cible x[n] est après la fin de la série, elle vaut undefined.',
    en: 'There are n - s windows (the notes: for i in range(n-s); 100 points and s = 6 give 94 windows). One more window starts at n - s: its target x[n] is past the end of the series, undefined.',
  },
  hint: { fr: 'La boucle doit s\u2019arrêter à i < n - s, pas i <= n - s.', en: 'The loop must stop at i < n - s, not i <= n - s.' },
  ...windowQuirk({ count: 1 }),
};
