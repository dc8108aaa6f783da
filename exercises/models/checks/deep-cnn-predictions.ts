import { predictionsCheck } from '../lib/predictions.js';
import { DEEP_CNN } from '../lib/specs.js';

export const deepCnnPredictions = predictionsCheck({
  id: 'deep-cnn-predictions',
  title: { fr: 'deepCnnModel : avec les poids de la référence, mêmes prédictions', en: "deepCnnModel: with the reference's weights, the same predictions" },
  specs: [DEEP_CNN],
});
