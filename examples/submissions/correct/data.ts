// data.ts — normalisation and one-hot labels

export function normalize(pixels: number[][]): number[][] {
  return pixels.map((row) => row.map((p) => p / 255));
}

export function toCategorical(labels: number[], numClasses?: number): number[][] {
  let n = numClasses;
  if (n === undefined) {
    n = 0;
    for (const label of labels) n = Math.max(n, label + 1);
  }
  const oneHot: number[][] = [];
  for (const label of labels) {
    const row = new Array(n).fill(0);
    row[label] = 1;
    oneHot.push(row);
  }
  return oneHot;
}
