import * as tf from '@tensorflow/tfjs';
import type { MistakeDefinition } from 'neurograde/kit';

/** The notes' CNN with padding 'same' on its convolution. */
function cnnModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 64, kernelSize: 3, padding: 'same' }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 10 }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  model.compile({ loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  return model;
}

export const paddingSame: MistakeDefinition = {
  id: 'model-padding-same',
  title: { fr: "Padding 'same' au lieu de 'valid'", en: "Padding 'same' instead of 'valid'" },
  explanation: {
    fr: "Le résumé du cours montre une sortie (26, 26, 64) pour la convolution 3x3 : c'est le padding 'valid' (aucun bord ajouté, 28 - 3 + 1 = 26). Avec 'same', la sortie reste 28x28, le pooling donne 14x14x64, Flatten 12 544 valeurs et la couche Dense 125 450 paramètres au lieu de 108 170.",
    en: "The notes' summary shows a (26, 26, 64) output for the 3x3 convolution: that is padding 'valid' (no border added, 28 - 3 + 1 = 26). With 'same' the output stays 28x28, pooling gives 14x14x64, Flatten 12,544 values and the Dense layer 125,450 parameters instead of 108,170.",
  },
  hint: { fr: "Écrivez padding: 'valid' (c'est aussi la valeur par défaut) dans le Conv2D de cnnModel.", en: "Write padding: 'valid' (also the default) in the Conv2D of cnnModel." },
  overrides: { cnnModel },
};
