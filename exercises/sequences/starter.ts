// Exercise "sequences": preparing a time series (see README.md; the notes, part 2, the noisy sine
// cut into windows of s = 6 values, and "Preparation of sequence data": past for training, future
// for testing).

/** X[i] = series[i .. i+s-1], Y[i] = [series[i+s]]: the notes' `for i in range(n-s)` loop. */
export function makeWindows(series: number[], s: number): { X: number[][]; Y: number[][] } {
  throw new Error('TODO: n - s windows of s values, each with the value that follows it');
}

/** The first trainCount pairs train, the rest test, in order (the notes' X[:80] and X[80:]). */
export function chronologicalSplit<T>(X: T[], Y: T[], trainCount: number): { xTrain: T[]; yTrain: T[]; xTest: T[]; yTest: T[] } {
  throw new Error('TODO: cut at trainCount, without shuffling');
}
