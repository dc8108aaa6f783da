// The notes' numpy RnnLayer, ported line by line (np.random.randn -> randn, .dot -> loops).
// Like the notes, self.h is created once in the constructor and survives between calls.

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function randn(): number {
  // Box-Muller, as np.random.randn draws standard normal values.
  const u = 1 - Math.random();
  const v = Math.random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function zeros(n: number): number[] {
  return new Array(n).fill(0);
}

// M.T.dot(v): (M^T v)_j = sum_i M[i][j] * v[i]
function transposeDot(M: number[][], v: number[]): number[] {
  const out = zeros(M[0].length);
  for (let i = 0; i < M.length; i++) for (let j = 0; j < out.length; j++) out[j] += M[i][j] * v[i];
  return out;
}

export class RnnLayer {
  inputSize: number;
  activation: (x: number) => number;
  Wx: number[][];
  Wy: number[][];
  h: number[];
  b: number[];

  constructor(nUnits: number, inputSize: number, activation: (x: number) => number) {
    this.inputSize = inputSize;
    this.activation = activation;
    this.Wx = Array.from({ length: inputSize }, () => Array.from({ length: nUnits }, randn));
    this.Wy = Array.from({ length: nUnits }, () => Array.from({ length: nUnits }, randn));
    this.h = zeros(nUnits);
    this.b = Array.from({ length: nUnits }, randn);
  }

  forward(X: number[][]): number[] {
    for (const x of X) {
      const A = transposeDot(this.Wx, x);
      const B = transposeDot(this.Wy, this.h);
      this.h = A.map((a, j) => this.activation(a + B[j] + this.b[j]));
    }
    return this.h;
  }

  forwardSequence(X: number[][]): number[][] {
    const states: number[][] = [];
    for (const x of X) {
      const A = transposeDot(this.Wx, x);
      const B = transposeDot(this.Wy, this.h);
      this.h = A.map((a, j) => this.activation(a + B[j] + this.b[j]));
      states.push(this.h);
    }
    return states;
  }
}
