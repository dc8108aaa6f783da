import { architectureCheck } from 'neurograde/kit/models';
import { CNN } from '../specs.js';

/** Conv2D(64, 3x3, valid) -> ReLU -> MaxPooling2D -> Flatten -> Dense(10) -> softmax: 108,810 parameters. */
export const cnnArchitecture = architectureCheck({
  id: 'cnn-architecture',
  title: { fr: 'cnnModel : le CNN Fashion-MNIST du cours, 108 810 paramètres', en: "cnnModel: the notes' Fashion-MNIST CNN, 108,810 parameters" },
  specs: [CNN],
});
