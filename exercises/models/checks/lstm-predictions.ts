import { predictionsCheck } from 'neurograde/kit/models';
import { LSTM } from '../specs.js';

export const lstmPredictions = predictionsCheck({
  id: 'lstm-predictions',
  title: { fr: 'lstmModel : avec les poids de la référence, mêmes trois sorties', en: "lstmModel: with the reference's weights, the same three outputs" },
  specs: [LSTM],
});
