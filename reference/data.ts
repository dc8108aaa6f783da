/**
 * Reference for the `data.ts` exercise: the notes' input preparation.
 */

/** Scales 8-bit pixel values 0..255 to 0..1 (the notes' `train_X / 255`). */
export function normalize(pixels: number[][]): number[][] {
  return pixels.map((row) => row.map((v) => v / 255));
}

/**
 * One-hot encoding, one row per label, like Keras' `to_categorical`: `numClasses` defaults to
 * `max(labels) + 1` (so classes absent at the top of the range are not represented). Labels
 * must be integers in `[0, numClasses)`. An empty label list gives `[]`.
 */
export function toCategorical(labels: number[], numClasses?: number): number[][] {
  if (labels.length === 0) return [];
  // A loop, not Math.max(...labels): spreading 60,000 MNIST labels can overflow the call stack.
  let n = numClasses;
  if (n === undefined) {
    let max = labels[0];
    for (const l of labels) if (l > max) max = l;
    n = max + 1;
  }
  return labels.map((label) => {
    const row = new Array<number>(n).fill(0);
    row[label] = 1;
    return row;
  });
}
