import { predictionsCheck } from 'neurograde/kit/models';
import { DEEP_CNN } from '../specs.js';

export const deepCnnPredictions = predictionsCheck({
  id: 'deep-cnn-predictions',
  title: { fr: 'deepCnnModel : avec les poids de la référence, mêmes prédictions', en: "deepCnnModel: with the reference's weights, the same predictions" },
  specs: [DEEP_CNN],
});
