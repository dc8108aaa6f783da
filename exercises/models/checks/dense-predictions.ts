import { predictionsCheck } from '../lib/predictions.js';
import { DENSE } from '../lib/specs.js';

export const densePredictions = predictionsCheck({
  id: 'dense-predictions',
  title: { fr: 'denseModel : avec les poids de la référence, mêmes prédictions', en: "denseModel: with the reference's weights, the same predictions" },
  specs: [DENSE],
});
