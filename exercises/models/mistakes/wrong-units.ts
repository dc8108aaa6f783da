import * as tf from '@tensorflow/tfjs';
import type { MistakeDefinition } from 'neurograde/kit';

/** The dense model with a hidden layer of 200 units (the notes' comment), where its summary shows 100. */
function denseModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [784], units: 200, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  model.compile({ loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  return model;
}

export const wrongUnits: MistakeDefinition = {
  id: 'model-wrong-units',
  title: { fr: 'Mauvais nombre de neurones', en: 'Wrong number of units' },
  explanation: {
    fr: "Le nombre de neurones (units) d'une couche fixe la taille de sa sortie et son nombre de paramètres : (entrées + 1) x units pour une Dense. Le résumé du cours donne 78 500 paramètres pour la couche cachée de denseModel, soit (784 + 1) x 100.",
    en: "A layer's number of units sets the size of its output and its parameter count: (inputs + 1) x units for a Dense layer. The notes' summary gives 78,500 parameters for denseModel's hidden layer, that is (784 + 1) x 100.",
  },
  hint: { fr: 'Retrouvez units à partir du nombre de paramètres du résumé du cours.', en: "Work out units from the parameter count in the notes' summary." },
  overrides: { denseModel },
};
