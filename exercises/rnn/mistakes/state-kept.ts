import type { MistakeDefinition } from 'neurograde/kit';
import { RnnLayer } from '../../../reference/rnn.js';

/**
 * The notes' class: `h` lives on the layer and every call, `forward` or `forwardSequence`,
 * continues from the state the previous call left.
 */
class StateKept extends RnnLayer {
  private h: number[] | undefined;

  override forward(X: number[][]): number[] {
    const states = this.forwardSequence(X);
    return states.length > 0 ? states[states.length - 1] : (this.h ?? this.b.map(() => 0));
  }

  override forwardSequence(X: number[][]): number[][] {
    const { Wx, Wy, b, activation } = this;
    return X.map((x) => {
      const h = this.h ?? b.map(() => 0);
      this.h = b.map((bj, j) => {
        let z = bj;
        for (let i = 0; i < x.length; i++) z += Wx[i][j] * x[i];
        for (let k = 0; k < h.length; k++) z += Wy[k][j] * h[k];
        return activation(z);
      });
      return this.h;
    });
  }
}

export const stateKept: MistakeDefinition = {
  id: 'rnn-state-kept',
  title: { fr: "L'état h survit entre deux appels", en: 'The state h survives between calls' },
  explanation: {
    fr: "Dans la classe du cours, self.h est créé une fois dans __init__ : un deuxième appel de forword repart de l'état laissé par le premier, et deux appels sur la même séquence donnent deux réponses différentes. Une séquence est indépendante de la précédente : comme SimpleRNN de Keras, chaque appel doit repartir de h_0 = 0.",
    en: "In the notes' class self.h is created once, in __init__: a second call to forword continues from the state the first left, and two calls on the same sequence give two different answers. A sequence does not depend on the previous one: like Keras' SimpleRNN, every call must start again from h_0 = 0.",
  },
  hint: { fr: 'Créez h = zéros au début de forward (une variable locale), pas dans le constructeur.', en: 'Create h = zeros at the start of forward (a local variable), not in the constructor.' },
  overrides: { RnnLayer: StateKept },
};
