import * as tf from '@tensorflow/tfjs';
import type { MistakeDefinition } from 'neurograde/kit';

/** The deep CNN without its MaxPooling2D layer. */
function deepCnnModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 20, kernelSize: 3, padding: 'same', activation: 'relu' }));
  model.add(tf.layers.conv2d({ filters: 20, kernelSize: 3, padding: 'same', activation: 'relu' }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 20, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 20, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  model.compile({ loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  return model;
}

export const missingPooling: MistakeDefinition = {
  id: 'model-missing-pooling',
  title: { fr: 'Couche de pooling manquante', en: 'Missing pooling layer' },
  explanation: {
    fr: "Le pooling divise la taille de chaque carte par deux (Wp = (W - F) / S + 1 avec F = S = 2) sans ajouter de paramètre. Sans lui, Flatten reçoit 4 fois plus de valeurs et la première couche Dense a 4 fois plus de poids : 313 620 au lieu de 78 420 dans deepCnnModel.",
    en: 'Pooling halves each feature map (Wp = (W - F) / S + 1 with F = S = 2) without adding a parameter. Without it, Flatten receives 4 times as many values and the first Dense layer has 4 times as many weights: 313,620 instead of 78,420 in deepCnnModel.',
  },
  hint: { fr: 'Ajoutez tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }) avant Flatten.', en: 'Add tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }) before Flatten.' },
  overrides: { deepCnnModel },
};
