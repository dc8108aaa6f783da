// Exercise "models": the notes' Keras models in TensorFlow.js (see README.md; the notes, part
// "4. Application: keras" and the RNN part).
import * as tf from '@tensorflow/tfjs';

/** 784 -> Dense(100, relu) -> Dense(10, softmax), compiled: categoricalCrossentropy, Adam, accuracy. */
export function denseModel(): tf.Sequential {
  throw new Error('TODO: tf.sequential(), two tf.layers.dense, then model.compile({ ... })');
}

/** The notes' Fashion-MNIST CNN: Conv2D(64, 3x3, valid) -> ReLU -> MaxPooling2D -> Flatten -> Dense(10) -> softmax. */
export function cnnModel(): tf.Sequential {
  throw new Error('TODO: 108,810 parameters; compiled like denseModel');
}

/** Conv2D(20, 3x3, same, relu) x2 -> MaxPooling2D(2x2) -> Flatten -> Dense(20, relu) x2 -> Dense(10, softmax). */
export function deepCnnModel(): tf.Sequential {
  throw new Error('TODO: 82,870 parameters; compiled like denseModel');
}

/** Input [s, 1] -> SimpleRNN(20, relu) -> Dense(5, relu) -> Dense(1), compiled: meanSquaredError, RMSprop. */
export function rnnModel(s: number): tf.Sequential {
  throw new Error(`TODO: 551 parameters for windows of s = ${s}`);
}

/** Input [20, 8] -> LSTM(16, returnSequences, returnState): three outputs (tf.input + tf.model). */
export function lstmModel(): tf.LayersModel {
  throw new Error('TODO: outputs [null, 20, 16], [null, 16], [null, 16]');
}
