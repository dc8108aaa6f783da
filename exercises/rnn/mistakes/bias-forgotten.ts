import type { MistakeDefinition } from 'neurograde/kit';
import { RnnLayer } from '../../../reference/rnn.js';

/** The reference layer computing activation(Wx^T x + Wy^T h), without `+ b`. */
class BiasForgotten extends RnnLayer {
  override forwardSequence(X: number[][]): number[][] {
    const { Wx, Wy, b, activation } = this;
    let h = b.map(() => 0);
    return X.map((x) => {
      h = h.map((_, j) => {
        let z = 0;
        for (let i = 0; i < x.length; i++) z += Wx[i][j] * x[i];
        for (let k = 0; k < h.length; k++) z += Wy[k][j] * h[k];
        return activation(z);
      });
      return h;
    });
  }
}

export const biasForgotten: MistakeDefinition = {
  id: 'rnn-bias-forgotten',
  title: { fr: 'Biais oublié', en: 'Bias forgotten' },
  explanation: {
    fr: 'Le cours calcule self.activation(A + B + self.b) : le biais b s\u2019ajoute à chaque pas de temps, avant l\u2019activation.',
    en: 'The notes compute self.activation(A + B + self.b): the bias b is added at every time step, before the activation.',
  },
  hint: { fr: 'Ajoutez b[j] à la préactivation de chaque neurone j.', en: 'Add b[j] to the pre-activation of each unit j.' },
  overrides: { RnnLayer: BiasForgotten },
};
