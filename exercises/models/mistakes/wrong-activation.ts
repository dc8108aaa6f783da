import * as tf from '@tensorflow/tfjs';
import type { MistakeDefinition } from 'neurograde/kit';

/** The notes' RNN with its SimpleRNN left at the default activation, tanh. */
function rnnModel(s: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.simpleRNN({ inputShape: [s, 1], units: 20 }));
  model.add(tf.layers.dense({ units: 5, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ loss: 'meanSquaredError', optimizer: 'rmsprop' });
  return model;
}

export const wrongActivation: MistakeDefinition = {
  id: 'model-wrong-activation',
  title: { fr: "Fonction d'activation manquante ou différente", en: 'Missing or wrong activation function' },
  explanation: {
    fr: "Une activation oubliée ne change ni les formes ni le nombre de paramètres, mais le modèle ne calcule plus la même fonction : SimpleRNN(units=20) sans activation=\"relu\" garde tanh, une couche sans activation reste linéaire. Avec les mêmes poids, ses prédictions diffèrent de celles du cours.",
    en: 'A forgotten activation changes neither the shapes nor the parameter count, but the model computes another function: SimpleRNN(units=20) without activation="relu" keeps tanh, a layer without activation stays linear. With the same weights its predictions differ from the notes\' model.',
  },
  hint: {
    fr: "Relisez l'activation de chaque couche dans le cours : SimpleRNN(20, activation 'relu'), Dense(5, 'relu'), Conv2D et Dense cachées en 'relu'.",
    en: "Check each layer's activation against the notes: SimpleRNN(20, activation 'relu'), Dense(5, 'relu'), hidden Conv2D and Dense layers 'relu'.",
  },
  overrides: { rnnModel },
};
