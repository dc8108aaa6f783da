import type { MistakeDefinition } from 'neurograde/kit';
import { rnnQuirk } from './quirks.js';

export const stateKept: MistakeDefinition = {
  id: 'rnn-state-kept',
  title: { fr: "L'état h survit entre deux appels", en: 'The state h survives between calls' },
  explanation: {
    fr: "Dans la classe du cours, self.h est créé une fois dans __init__ : un deuxième appel de forword repart de l'état laissé par le premier, et deux appels sur la même séquence donnent deux réponses différentes. Une séquence est indépendante de la précédente : comme SimpleRNN de Keras, chaque appel doit repartir de h_0 = 0.",
    en: "In the notes' class self.h is created once, in __init__: a second call to forword continues from the state the first left, and two calls on the same sequence give two different answers. A sequence does not depend on the previous one: like Keras' SimpleRNN, every call must start again from h_0 = 0.",
  },
  hint: { fr: 'Créez h = zéros au début de forward (une variable locale), pas dans le constructeur.', en: 'Create h = zeros at the start of forward (a local variable), not in the constructor.' },
  ...rnnQuirk({ stateKept: true }),
};
