import type { MistakeDefinition } from 'neurograde/kit';
import { RnnLayer } from '../../../reference/rnn.js';

/** h[j] overwritten while the next units still read h: unit j+1 sees the new h[0..j]. */
class UpdatedInPlace extends RnnLayer {
  override forwardSequence(X: number[][]): number[][] {
    const { Wx, Wy, b, activation } = this;
    const h = b.map(() => 0);
    return X.map((x) => {
      for (let j = 0; j < h.length; j++) {
        let z = b[j]!;
        for (let i = 0; i < x.length; i++) z += Wx[i]![j]! * x[i]!;
        for (let k = 0; k < h.length; k++) z += Wy[k]![j]! * h[k]!;
        h[j] = activation(z);
      }
      return [...h];
    });
  }
}

export const stateUpdatedInPlace: MistakeDefinition = {
  id: 'rnn-state-updated-in-place',
  title: { fr: 'État mis à jour sur place pendant le calcul', en: 'State updated in place while it is still read' },
  explanation: {
    fr: "h_t se calcule entièrement à partir de h_(t-1) : self.activation(A + B + self.b) dans le cours produit un nouveau vecteur. Votre code écrit h[j] dans le tableau que les unités suivantes lisent encore : l'unité j + 1 voit déjà le nouvel h[0..j]. Le premier pas est juste (h vaut 0 partout), les suivants non.",
    en: "h_t is computed entirely from h_(t-1): self.activation(A + B + self.b) in the notes builds a new vector. Your code writes h[j] into the array the next units still read: unit j + 1 already sees the new h[0..j]. The first step is right (h is all zeros), the following ones are not.",
  },
  hint: { fr: 'Calculez le nouvel état dans un autre tableau (next), puis h = next après la boucle sur les unités.', en: 'Compute the new state into another array (next), then h = next after the loop over the units.' },
  overrides: { RnnLayer: UpdatedInPlace },
};
