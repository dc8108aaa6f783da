import { architectureCheck } from 'neurograde/kit/models';
import { RNN, RNN_12 } from '../specs.js';

/** SimpleRNN(20, relu) -> Dense(5, relu) -> Dense(1) on [s, 1]: 551 parameters, for s = 6 and for another s. */
export const rnnArchitecture = architectureCheck({
  id: 'rnn-architecture',
  title: { fr: 'rnnModel(s) : couches, entrée [s, 1] et 551 paramètres', en: 'rnnModel(s): layers, input [s, 1] and 551 parameters' },
  specs: [RNN, RNN_12],
});
