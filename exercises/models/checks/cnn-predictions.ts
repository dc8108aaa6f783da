import { predictionsCheck } from 'neurograde/kit/models';
import { CNN } from '../specs.js';

export const cnnPredictions = predictionsCheck({
  id: 'cnn-predictions',
  title: { fr: 'cnnModel : avec les poids de la référence, mêmes prédictions', en: "cnnModel: with the reference's weights, the same predictions" },
  specs: [CNN],
});
