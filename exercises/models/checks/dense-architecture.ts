import { architectureCheck } from 'neurograde/kit/models';
import { DENSE } from '../specs.js';

/** 784 -> Dense(100, relu) -> Dense(10, softmax): 78,500 + 1,010 = 79,510 parameters. */
export const denseArchitecture = architectureCheck({
  id: 'dense-architecture',
  title: { fr: 'denseModel : couches et 79 510 paramètres', en: 'denseModel: layers and 79,510 parameters' },
  specs: [DENSE],
});
