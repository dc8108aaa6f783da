import { predictionsCheck } from 'neurograde/kit/models';
import { DENSE } from '../specs.js';

export const densePredictions = predictionsCheck({
  id: 'dense-predictions',
  title: { fr: 'denseModel : avec les poids de la référence, mêmes prédictions', en: "denseModel: with the reference's weights, the same predictions" },
  specs: [DENSE],
});
