import type { MistakeDefinition } from 'neurograde/kit';
import { rnnQuirk } from './quirks.js';

export const stateUpdatedInPlace: MistakeDefinition = {
  id: 'rnn-state-updated-in-place',
  title: { fr: 'État mis à jour sur place pendant le calcul', en: 'State updated in place while it is still read' },
  explanation: {
    fr: "h_t se calcule entièrement à partir de h_(t-1) : self.activation(A + B + self.b) dans le cours produit un nouveau vecteur. Votre code écrit h[j] dans le tableau que les unités suivantes lisent encore : l'unité j + 1 voit déjà le nouvel h[0..j]. Le premier pas est juste (h vaut 0 partout), les suivants non.",
    en: "h_t is computed entirely from h_(t-1): self.activation(A + B + self.b) in the notes builds a new vector. Your code writes h[j] into the array the next units still read: unit j + 1 already sees the new h[0..j]. The first step is right (h is all zeros), the following ones are not.",
  },
  hint: { fr: 'Calculez le nouvel état dans un autre tableau (next), puis h = next après la boucle sur les unités.', en: 'Compute the new state into another array (next), then h = next after the loop over the units.' },
  ...rnnQuirk({ updatedInPlace: true }),
};
