import { predictionsCheck } from 'neurograde/kit/models';
import { RNN } from '../specs.js';

/** Catches a SimpleRNN left at tanh: same 551 parameters, another function. */
export const rnnPredictions = predictionsCheck({
  id: 'rnn-predictions',
  title: { fr: 'rnnModel(6) : avec les poids de la référence, mêmes prédictions', en: "rnnModel(6): with the reference's weights, the same predictions" },
  specs: [RNN],
});
