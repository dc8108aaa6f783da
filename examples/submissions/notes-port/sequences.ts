// The notes' window loop and slicing split, ported line by line.

export function makeWindows(x: number[], s: number): { X: number[][]; Y: number[][] } {
  const n = x.length;
  const X: number[][] = [];
  const Y: number[][] = [];
  // for i in range(n-s):
  for (let i = 0; i < n - s; i++) {
    X.push(x.slice(i, i + s)); // X.append(x[i:i+s])
    Y.push([x[i + s]]); // Y.append([x[i+s]])
  }
  return { X, Y };
}

// X_train, x_test = X[:80,:], X[80:100,:]  and  y_train, y_test = Y[:80,:], Y[80:100,:]
export function chronologicalSplit<T>(X: T[], Y: T[], trainCount: number): { xTrain: T[]; yTrain: T[]; xTest: T[]; yTest: T[] } {
  const xTrain = X.slice(0, trainCount);
  const xTest = X.slice(trainCount, X.length);
  const yTrain = Y.slice(0, trainCount);
  const yTest = Y.slice(trainCount, Y.length);
  return { xTrain, yTrain, xTest, yTest };
}
