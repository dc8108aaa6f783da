// sequences.ts — windows and a chronological split

export function makeWindows(series: number[], s: number): { X: number[][]; Y: number[][] } {
  const X: number[][] = [];
  const Y: number[][] = [];
  const count = Math.max(0, series.length - s);
  for (let i = 0; i < count; i++) {
    X.push(series.slice(i, i + s));
    Y.push([series[i + s]]);
  }
  return { X, Y };
}

export function chronologicalSplit<T>(X: T[], Y: T[], trainCount: number) {
  // no shuffle: the test set must stay in the future of the training set
  return {
    xTrain: X.slice(0, trainCount),
    yTrain: Y.slice(0, trainCount),
    xTest: X.slice(trainCount),
    yTest: Y.slice(trainCount),
  };
}
