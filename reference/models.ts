/**
 * Reference for the `models.ts` exercise: the notes' Keras models in TensorFlow.js.
 *
 * Imports `@tensorflow/tfjs` like a student's file does: it is a singleton module, so these models
 * live on whatever backend `grader/tf/backend.ts` selected. Layer names are left to tfjs (they are
 * unique per process); the grader compares structure, not names.
 */
import * as tf from '@tensorflow/tfjs';

/** The classification compile settings the contract asks for (the notes' `legacy.Adam()`). */
function compileClassifier(model: tf.LayersModel): void {
  model.compile({ loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
}

/**
 * 784 -> Dense(100, relu) -> Dense(10, softmax): 78,500 + 1,010 = 79,510 parameters (the notes'
 * summary). Compiled: categorical cross-entropy, Adam, accuracy.
 */
export function denseModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [784], units: 100, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  compileClassifier(model);
  return model;
}

/**
 * The notes' Fashion-MNIST CNN: Conv2D(64, 3x3, valid) -> ReLU -> MaxPooling2D(2x2) -> Flatten ->
 * Dense(10) -> softmax; shapes (26,26,64) (13,13,64) 10816 10; 640 + 108,170 = 108,810 parameters.
 * ReLU and softmax are separate `Activation` layers, as in the notes' summary (so the convolution
 * itself is linear and trains through tfjs' fused-conv gradient path).
 */
export function cnnModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 64, kernelSize: 3, padding: 'valid' }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 10 }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  compileClassifier(model);
  return model;
}

/**
 * Conv2D(20, 3x3, same, relu) x2 -> MaxPooling2D(2x2, stride 2) -> Flatten -> Dense(20, relu) ->
 * Dense(20, relu) -> Dense(10, softmax): 200 + 3,620 + 78,420 + 420 + 210 = 82,870 parameters.
 */
export function deepCnnModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 20, kernelSize: 3, padding: 'same', activation: 'relu' }));
  model.add(tf.layers.conv2d({ filters: 20, kernelSize: 3, padding: 'same', activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 20, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 20, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  compileClassifier(model);
  return model;
}

/**
 * SimpleRNN(20, relu) -> Dense(5, relu) -> Dense(1) on input [s, 1]: 440 + 105 + 6 = 551
 * parameters whatever `s`. Compiled: mean squared error, RMSprop (Keras' default rate 0.001).
 */
export function rnnModel(s: number): tf.Sequential {
  if (!Number.isInteger(s) || s < 1) throw new RangeError(`rnnModel: s must be a positive integer, got ${s}`);
  const model = tf.sequential();
  model.add(tf.layers.simpleRNN({ inputShape: [s, 1], units: 20, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 5, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ loss: 'meanSquaredError', optimizer: 'rmsprop' });
  return model;
}

/**
 * Input [20, 8] -> LSTM(16, returnSequences, returnState): outputs [null, 20, 16] (the whole
 * sequence), [null, 16] (last hidden state) and [null, 16] (last cell state), as the notes'
 * `output, memory_state, carry_state = lstm(inputs)`. Not compiled.
 */
export function lstmModel(): tf.LayersModel {
  const input = tf.input({ shape: [20, 8] });
  const lstm = tf.layers.lstm({ units: 16, returnSequences: true, returnState: true });
  const outputs = lstm.apply(input) as tf.SymbolicTensor[];
  return tf.model({ inputs: input, outputs });
}
