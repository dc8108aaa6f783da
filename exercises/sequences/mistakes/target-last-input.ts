import type { MistakeDefinition } from 'neurograde/kit';
import { windowQuirk } from './quirks.js';

export const targetLastInput: MistakeDefinition = {
  id: 'window-target-last-input',
  title: { fr: 'La cible est la dernière entrée, pas la valeur suivante', en: 'The target is the last input, not the next value' },
  explanation: {
    fr: 'La fenêtre X[i] = x[i .. i+s-1] sert à prédire la valeur qui la suit, Y[i] = [x[i+s]] (le cours : X.append(x[i:i+s]), Y.append([x[i+s]])). Avec x[i+s-1], la cible est déjà dans la fenêtre : le modèle apprend à recopier sa dernière entrée.',
    en: 'The window X[i] = x[i .. i+s-1] is there to predict the value after it, Y[i] = [x[i+s]] (the notes: X.append(x[i:i+s]), Y.append([x[i+s]])). With x[i+s-1] the target is already inside the window: the model learns to copy its last input.',
  },
  hint: { fr: 'slice(i, i + s) s\u2019arrête avant l\u2019indice i + s : c\u2019est justement lui, la cible.', en: 'slice(i, i + s) stops before index i + s: that one is the target.' },
  ...windowQuirk({ targetLastInput: true }),
};
