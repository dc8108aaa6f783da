// rnn.ts — my recurrent layer (course notes, part 2)

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export class RnnLayer {
  Wx: number[][];
  Wy: number[][];
  b: number[];
  activation: (x: number) => number;

  constructor(nUnits: number, inputSize: number, activation: (x: number) => number) {
    this.activation = activation;
    this.Wx = randomMatrix(inputSize, nUnits);
    this.Wy = randomMatrix(nUnits, nUnits);
    this.b = randomMatrix(1, nUnits)[0];
  }

  forward(X: number[][]): number[] {
    const states = this.forwardSequence(X);
    return states[states.length - 1];
  }

  forwardSequence(X: number[][]): number[][] {
    const nUnits = this.b.length;
    let h: number[] = new Array(nUnits).fill(0); // h_0 = 0 for every new sequence
    const states: number[][] = [];
    for (const x of X) {
      const next: number[] = [];
      for (let j = 0; j < nUnits; j++) {
        let a = 0; // (Wx^T x)_j
        for (let i = 0; i < x.length; i++) a += this.Wx[i][j] * x[i];
        let bRec = 0; // (Wy^T h)_j
        for (let k = 0; k < nUnits; k++) bRec += this.Wy[k][j] * h[k];
        next.push(this.activation(a + bRec + this.b[j]));
      }
      h = next;
      states.push(h);
    }
    return states;
  }
}

function randomMatrix(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.random() * 2 - 1));
}
