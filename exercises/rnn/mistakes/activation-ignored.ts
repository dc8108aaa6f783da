import type { MistakeDefinition } from 'neurograde/kit';
import { quirkyRnn, rnnQuirk } from './quirks.js';

export const activationIgnored: MistakeDefinition = {
  id: 'rnn-activation-ignored',
  title: { fr: "Activation du constructeur ignorée", en: "The constructor's activation ignored" },
  explanation: {
    fr: "RnnLayer(n_units, input_size, activation) reçoit sa fonction d'activation, comme dans le cours (RnnLayer(3, 2, sigmoid)), et doit appliquer celle-là. Votre couche applique toujours la même fonction (la sigmoïde du cours, ou tanh) : les cas construits avec une autre activation échouent.",
    en: "RnnLayer(n_units, input_size, activation) is given its activation function, as in the notes (RnnLayer(3, 2, sigmoid)), and must apply that one. Your layer always applies the same function (the notes' sigmoid, or tanh): the cases built with another activation fail.",
  },
  hint: { fr: 'Gardez this.activation = activation dans le constructeur, et appelez this.activation(z).', en: 'Keep this.activation = activation in the constructor, and call this.activation(z).' },
  ...rnnQuirk({ activation: 'sigmoid' }),
  forms: [{ RnnLayer: quirkyRnn({ activation: 'tanh' }) }],
};
