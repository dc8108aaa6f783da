/**
 * Reference for the `rnn.ts` exercise: the notes' hand-written recurrent layer.
 */

/** The logistic function `1 / (1 + e^-x)`. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * A simple recurrent layer, `h_t = activation(Wx^T x_t + Wy^T h_{t-1} + b)` with `h_0 = 0`.
 * Same weight layout as Keras' SimpleRNN (`Wx` = kernel, `Wy` = recurrent kernel, `b` = bias).
 * Unlike the notes' class, the state does not survive between calls: every call starts from
 * zero, so calling `forward` twice on the same input gives the same answer.
 */
export class RnnLayer {
  /** Input weights, inputSize x nUnits. */
  Wx: number[][];
  /** Recurrent weights, nUnits x nUnits. */
  Wy: number[][];
  /** Bias, nUnits. */
  b: number[];
  /** Applied element-wise to each pre-activation. */
  readonly activation: (x: number) => number;

  /**
   * The weights start as a small fixed pattern instead of the notes' `np.random.randn`: the
   * reference must be reproducible, and the grader overwrites `Wx`, `Wy` and `b` anyway.
   */
  constructor(nUnits: number, inputSize: number, activation: (x: number) => number) {
    this.activation = activation;
    // sin of distinct integers: deterministic, in [-0.1, 0.1], and not symmetric across units
    // (a constant init would make every unit compute the same thing).
    const pattern = (k: number): number => 0.1 * Math.sin(k + 1);
    this.Wx = Array.from({ length: inputSize }, (_, i) =>
      Array.from({ length: nUnits }, (_, j) => pattern(i * nUnits + j)),
    );
    const offset = inputSize * nUnits;
    this.Wy = Array.from({ length: nUnits }, (_, i) =>
      Array.from({ length: nUnits }, (_, j) => pattern(offset + i * nUnits + j)),
    );
    this.b = new Array<number>(nUnits).fill(0);
  }

  /** Runs the sequence X (T x inputSize) from the zero state; returns the final state (nUnits). */
  forward(X: number[][]): number[] {
    const states = this.forwardSequence(X);
    // An empty sequence leaves the layer in its initial zero state.
    return states.length > 0 ? states[states.length - 1] : new Array<number>(this.b.length).fill(0);
  }

  /** Runs the sequence X (T x inputSize) from the zero state; returns all T states (T x nUnits). */
  forwardSequence(X: number[][]): number[][] {
    // Read the fields at call time: the grader assigns Wx, Wy, b after construction.
    const { Wx, Wy, b, activation } = this;
    const nUnits = b.length;
    let h = new Array<number>(nUnits).fill(0);
    const states: number[][] = [];
    for (const x of X) {
      const next = new Array<number>(nUnits);
      for (let j = 0; j < nUnits; j++) {
        let z = b[j];
        for (let i = 0; i < x.length; i++) z += Wx[i][j] * x[i];
        for (let k = 0; k < nUnits; k++) z += Wy[k][j] * h[k];
        next[j] = activation(z);
      }
      states.push(next);
      h = next;
    }
    return states;
  }
}
