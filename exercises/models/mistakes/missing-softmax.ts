import * as tf from '@tensorflow/tfjs';
import type { MistakeDefinition } from 'neurograde/kit';

/** The dense model whose last layer has no softmax. */
function denseModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [784], units: 100, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 10 }));
  model.compile({ loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  return model;
}

export const missingSoftmax: MistakeDefinition = {
  id: 'model-missing-softmax',
  title: { fr: 'Softmax manquant en sortie', en: 'Missing softmax on the output' },
  explanation: {
    fr: "La dernière couche d'un classifieur doit sortir des probabilités (positives, de somme 1) : c'est ce que calcule softmax, et ce qu'attend categoricalCrossentropy. Sans elle, la couche Dense(10) sort des scores quelconques, parfois négatifs, et l'entraînement n'apprend presque rien.",
    en: "A classifier's last layer must output probabilities (positive, summing to 1): softmax computes them, and categoricalCrossentropy expects them. Without it, Dense(10) outputs arbitrary scores, some negative, and training learns next to nothing.",
  },
  hint: { fr: "Ajoutez activation: 'softmax' à la dernière couche Dense(10) (ou une couche Activation('softmax') après).", en: "Add activation: 'softmax' to the last Dense(10) (or an Activation('softmax') layer after it)." },
  overrides: { denseModel },
};
