import type { MistakeDefinition } from 'neurograde/kit';
import { shapeQuirk } from './quirks.js';

export const rnnNoRecurrent: MistakeDefinition = {
  id: 'param-rnn-no-recurrent',
  title: { fr: 'SimpleRNN compté comme une couche Dense', en: 'SimpleRNN counted as a Dense layer' },
  explanation: {
    fr: "Une couche SimpleRNN a trois jeux de poids : Wx (entrée × unités), Wy, les poids récurrents qui relient h(t-1) à h(t) (unités × unités), et le biais. Votre compte oublie Wy : (entrée + 1) × unités est le compte d'une couche Dense.",
    en: 'A SimpleRNN layer has three sets of weights: Wx (inputs × units), Wy, the recurrent weights from h(t-1) to h(t) (units × units), and the bias. Your count leaves Wy out: (inputs + 1) × units is a Dense layer\'s count.',
  },
  hint: { fr: 'unités × (entrée + unités + 1) : SimpleRNN(50) sur 1 entrée a 2 600 paramètres.', en: 'units × (inputs + units + 1): SimpleRNN(50) on 1 input has 2,600 parameters.' },
  ...shapeQuirk({ rnnNoRecurrent: true }, ['simpleRnnParamCount']),
};
