// Exercise "data": preparing images and labels (see README.md; the notes, "4.1 Réseau de neurone
// simple" and "Fashion MNIST": to_categorical(y_train) and train_X / 255).

/** Pixels 0..255 -> 0..1 (the notes' `train_X / 255`). Same shape as the input. */
export function normalize(pixels: number[][]): number[][] {
  throw new Error('TODO: divide every pixel by 255');
}

/** One-hot rows, like Keras' to_categorical; numClasses defaults to max(labels) + 1. */
export function toCategorical(labels: number[], numClasses?: number): number[][] {
  throw new Error('TODO: one row per label, a 1 in the label\u2019s column, 0 elsewhere');
}
