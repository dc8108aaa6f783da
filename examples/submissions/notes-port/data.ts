// The notes' data preparation: train_X / 255, and Keras' to_categorical.

export function normalize(pixels: number[][]): number[][] {
  // train_X = train_X.astype('float32'); train_X = train_X / 255
  return pixels.map((row) => row.map((x) => x / 255));
}

// keras.utils.to_categorical(y, num_classes=None):
//   num_classes = np.max(y) + 1; categorical = np.zeros((n, num_classes)); categorical[np.arange(n), y] = 1
export function toCategorical(y: number[], numClasses?: number): number[][] {
  const num_classes = numClasses ?? Math.max(...y) + 1;
  const n = y.length;
  const categorical = Array.from({ length: n }, () => new Array<number>(num_classes).fill(0));
  for (let i = 0; i < n; i++) categorical[i][y[i]] = 1;
  return categorical;
}
