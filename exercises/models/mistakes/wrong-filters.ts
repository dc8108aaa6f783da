import * as tf from '@tensorflow/tfjs';
import type { MistakeDefinition } from 'neurograde/kit';

/** The notes' CNN with 32 filters instead of 64. */
function cnnModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 10 }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  model.compile({ loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  return model;
}

export const wrongFilters: MistakeDefinition = {
  id: 'model-wrong-filters',
  title: { fr: 'Mauvais nombre de filtres', en: 'Wrong number of filters' },
  explanation: {
    fr: "Le nombre de filtres K d'une convolution est la profondeur de sa sortie (Dc = K) et fixe ses paramètres : (F x F x D + 1) x K. Le résumé du cours montre (26, 26, 64) et 640 paramètres : 64 filtres 3x3.",
    en: "A convolution's number of filters K is the depth of its output (Dc = K) and sets its parameters: (F x F x D + 1) x K. The notes' summary shows (26, 26, 64) and 640 parameters: 64 filters of 3x3.",
  },
  hint: { fr: 'Lisez filters dans la dernière dimension de la sortie du Conv2D du résumé.', en: "Read filters off the last dimension of the Conv2D output in the notes' summary." },
  overrides: { cnnModel },
};
