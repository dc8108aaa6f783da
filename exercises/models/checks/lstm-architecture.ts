import { architectureCheck } from 'neurograde/kit/models';
import { LSTM } from '../specs.js';

/** Input [20, 8] -> LSTM(16, returnSequences, returnState): outputs [null, 20, 16], [null, 16], [null, 16]. */
export const lstmArchitecture = architectureCheck({
  id: 'lstm-architecture',
  title: { fr: 'lstmModel : trois sorties [null, 20, 16], [null, 16], [null, 16]', en: 'lstmModel: three outputs [null, 20, 16], [null, 16], [null, 16]' },
  specs: [LSTM],
});
