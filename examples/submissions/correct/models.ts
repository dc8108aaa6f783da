// models.ts — the course's Keras models, in TensorFlow.js
import * as tf from '@tensorflow/tfjs';

function compileClassifier(model: tf.LayersModel): void {
  model.compile({ loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
}

// 4.1 Réseau de neurone simple: 784 -> 100 (relu) -> 10 (softmax)
export function denseModel(): tf.Sequential {
  const mdl = tf.sequential();
  mdl.add(tf.layers.dense({ inputShape: [784], units: 100, activation: 'relu' }));
  mdl.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  compileClassifier(mdl);
  return mdl;
}

// Fashion MNIST: conv2d (26, 26, 64) -> activation -> max_pooling2d (13, 13, 64) -> flatten -> dense (10) -> activation
export function cnnModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 64, kernelSize: [3, 3] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: [2, 2] }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 10 }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  compileClassifier(model);
  return model;
}

// The deeper CNN of the notes: two convolutions, pooling, three dense layers.
export function deepCnnModel(): tf.Sequential {
  const mdl = tf.sequential();
  mdl.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 20, kernelSize: [3, 3], padding: 'same', activation: 'relu' }));
  mdl.add(tf.layers.conv2d({ filters: 20, kernelSize: [3, 3], padding: 'same', activation: 'relu' }));
  mdl.add(tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [2, 2] }));
  mdl.add(tf.layers.flatten());
  mdl.add(tf.layers.dense({ units: 20, activation: 'relu' }));
  mdl.add(tf.layers.dense({ units: 20, activation: 'relu' }));
  mdl.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  compileClassifier(mdl);
  return mdl;
}

// SimpleRNN model of the noisy sine: 440 + 105 + 6 = 551 parameters.
export function rnnModel(s: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.simpleRNN({ units: 20, inputShape: [s, 1], activation: 'relu' }));
  model.add(tf.layers.dense({ units: 5, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ loss: 'meanSquaredError', optimizer: 'rmsprop' });
  return model;
}

// output, memory_state, carry_state = LSTM(16, return_sequences=True, return_state=True)(inputs)
export function lstmModel(): tf.LayersModel {
  const inputs = tf.input({ shape: [20, 8] });
  const outputs = tf.layers.lstm({ units: 16, returnSequences: true, returnState: true }).apply(inputs) as tf.SymbolicTensor[];
  return tf.model({ inputs, outputs });
}
