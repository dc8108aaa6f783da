import * as tf from '@tensorflow/tfjs';
import type { MistakeDefinition } from 'neurograde/kit';

/** The dense model compiled with the sparse cross-entropy, whereas its labels are one-hot. */
function denseModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [784], units: 100, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  model.compile({ loss: 'sparseCategoricalCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  return model;
}

export const sparseLoss: MistakeDefinition = {
  id: 'model-sparse-loss',
  title: { fr: 'Loss « sparse » avec des étiquettes one-hot', en: 'Sparse loss with one-hot labels' },
  explanation: {
    fr: "Le cours transforme les étiquettes avec to_categorical : chaque étiquette devient un vecteur one-hot de 10 nombres. La loss qui va avec est categoricalCrossentropy ; sparseCategoricalCrossentropy attend des étiquettes entières (un seul nombre de 0 à 9 par exemple) et refuse des cibles de forme [n, 10].",
    en: 'The notes turn the labels into one-hot vectors of 10 numbers with to_categorical. The matching loss is categoricalCrossentropy; sparseCategoricalCrossentropy expects integer labels (one number from 0 to 9 per sample) and refuses targets of shape [n, 10].',
  },
  hint: { fr: "Compilez avec loss: 'categoricalCrossentropy'.", en: "Compile with loss: 'categoricalCrossentropy'." },
  overrides: { denseModel },
};
