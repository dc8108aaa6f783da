import { architectureCheck } from 'neurograde/kit/models';
import { DEEP_CNN } from '../specs.js';

/** Two Conv2D(20, 3x3, same, relu), MaxPooling2D, Flatten, Dense(20) x2, Dense(10): 82,870 parameters. */
export const deepCnnArchitecture = architectureCheck({
  id: 'deep-cnn-architecture',
  title: { fr: 'deepCnnModel : couches et 82 870 paramètres', en: 'deepCnnModel: layers and 82,870 parameters' },
  specs: [DEEP_CNN],
});
