// Exercise "rnn": a recurrent layer by hand (see README.md; the notes, part 2, "Les réseaux de
// neurones récurrents", class RnnLayer).

/** The logistic function 1 / (1 + e^-x) (the notes' `sigmoid`). */
export function sigmoid(x: number): number {
  throw new Error('TODO: 1 / (1 + e^-x), without NaN for large |x|');
}

export class RnnLayer {
  Wx: number[][]; // inputSize x nUnits (the notes' self.Wx)
  Wy: number[][]; // nUnits x nUnits (the notes' self.Wy)
  b: number[]; // nUnits (the notes' self.b)
  activation: (x: number) => number;

  constructor(nUnits: number, inputSize: number, activation: (x: number) => number) {
    // Any initial weights will do (the notes use np.random.randn): the grader sets Wx, Wy and b.
    this.activation = activation;
    this.Wx = Array.from({ length: inputSize }, () => new Array<number>(nUnits).fill(0));
    this.Wy = Array.from({ length: nUnits }, () => new Array<number>(nUnits).fill(0));
    this.b = new Array<number>(nUnits).fill(0);
  }

  /** X: T x inputSize. Returns the final state h_T (length nUnits), starting from h_0 = 0. */
  forward(X: number[][]): number[] {
    throw new Error('TODO: h_t = activation(Wx^T x_t + Wy^T h_(t-1) + b), from h_0 = 0 on every call');
  }

  /** X: T x inputSize. Returns all the states h_1 .. h_T (T x nUnits), starting from h_0 = 0. */
  forwardSequence(X: number[][]): number[][] {
    throw new Error('TODO: the same loop as forward, keeping every state');
  }
}
