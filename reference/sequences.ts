/**
 * Reference for the `sequences.ts` exercise: turning a time series into a supervised data set.
 */

/**
 * Sliding windows of length `s`: `X[i] = series[i .. i+s-1]`, `Y[i] = [series[i+s]]`, for the
 * `n - s` positions where a next value exists (the notes: 100 points, s = 6 -> X is 94 x 6,
 * Y is 94 x 1). Returns empty X and Y when `n <= s`.
 */
export function makeWindows(series: number[], s: number): { X: number[][]; Y: number[][] } {
  const X: number[][] = [];
  const Y: number[][] = [];
  for (let i = 0; i + s < series.length; i++) {
    X.push(series.slice(i, i + s));
    Y.push([series[i + s]]);
  }
  return { X, Y };
}

/**
 * The first `trainCount` pairs train, the rest test, in their original order. No shuffling
 * across the cut: with time series, a shuffled split leaks the future into training.
 */
export function chronologicalSplit<T>(
  X: T[],
  Y: T[],
  trainCount: number,
): { xTrain: T[]; yTrain: T[]; xTest: T[]; yTest: T[] } {
  return {
    xTrain: X.slice(0, trainCount),
    yTrain: Y.slice(0, trainCount),
    xTest: X.slice(trainCount),
    yTest: Y.slice(trainCount),
  };
}
