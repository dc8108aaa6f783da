import type { MistakeDefinition } from 'neurograde/kit';
import { rnnQuirk } from './quirks.js';

export const recurrentNotTransposed: MistakeDefinition = {
  id: 'rnn-recurrent-not-transposed',
  title: { fr: 'Poids récurrents non transposés', en: 'Recurrent weights not transposed' },
  explanation: {
    fr: "Le cours calcule B = Wy^T h : l'entrée j de la nouvelle préactivation est Σ_k Wy[k][j] h[k] (colonne j de Wy). Avec Wy[j][k] on utilise Wy au lieu de Wy^T ; le premier état est juste (h_0 = 0) mais les suivants sont faux dès que Wy n'est pas symétrique.",
    en: 'The notes compute B = Wy^T h: entry j of the new pre-activation is Σ_k Wy[k][j] h[k] (column j of Wy). Using Wy[j][k] applies Wy instead of Wy^T; the first state is right (h_0 = 0) but every later one is wrong as soon as Wy is not symmetric.',
  },
  hint: { fr: 'Comme pour Wx^T x : parcourez la colonne j de Wy, Wy[k][j].', en: 'As for Wx^T x: walk down column j of Wy, Wy[k][j].' },
  ...rnnQuirk({ recurrentNotTransposed: true }),
};
