import type { MistakeDefinition } from 'neurograde/kit';
import { RnnLayer } from '../../../reference/rnn.js';

/** The reference layer with `Wy h` in place of `Wy^T h`: row j of Wy feeds unit j. */
class RecurrentNotTransposed extends RnnLayer {
  override forwardSequence(X: number[][]): number[][] {
    const { Wx, Wy, b, activation } = this;
    let h = b.map(() => 0);
    return X.map((x) => {
      h = b.map((bj, j) => {
        let z = bj;
        for (let i = 0; i < x.length; i++) z += Wx[i][j] * x[i];
        for (let k = 0; k < h.length; k++) z += Wy[j][k] * h[k];
        return activation(z);
      });
      return h;
    });
  }
}

export const recurrentNotTransposed: MistakeDefinition = {
  id: 'rnn-recurrent-not-transposed',
  title: { fr: 'Poids récurrents non transposés', en: 'Recurrent weights not transposed' },
  explanation: {
    fr: "Le cours calcule B = Wy^T h : l'entrée j de la nouvelle préactivation est Σ_k Wy[k][j] h[k] (colonne j de Wy). Avec Wy[j][k] on utilise Wy au lieu de Wy^T ; le premier état est juste (h_0 = 0) mais les suivants sont faux dès que Wy n'est pas symétrique.",
    en: 'The notes compute B = Wy^T h: entry j of the new pre-activation is Σ_k Wy[k][j] h[k] (column j of Wy). Using Wy[j][k] applies Wy instead of Wy^T; the first state is right (h_0 = 0) but every later one is wrong as soon as Wy is not symmetric.',
  },
  hint: { fr: 'Comme pour Wx^T x : parcourez la colonne j de Wy, Wy[k][j].', en: 'As for Wx^T x: walk down column j of Wy, Wy[k][j].' },
  overrides: { RnnLayer: RecurrentNotTransposed },
};
