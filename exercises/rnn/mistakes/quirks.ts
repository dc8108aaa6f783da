import { quirky, type MistakeDefinition } from 'neurograde/kit';
import { RnnLayer, sigmoid } from '../../../reference/rnn.js';

/** The ways a layer of the catalogue departs from the reference; none is the reference. */
export interface RnnQuirks {
  /** `+ b` left out of the pre-activation. */
  readonly biasForgotten: boolean;
  /** `Wy[j][k]` read instead of `Wy[k][j]`. */
  readonly recurrentNotTransposed: boolean;
  /** h lives on the layer: every call continues from the state the previous one left. */
  readonly stateKept: boolean;
  /** h[j] overwritten while the next units still read h. */
  readonly updatedInPlace: boolean;
  /** The same array pushed at every step: every row of forwardSequence is the last state. */
  readonly statesAliased: boolean;
  /** forward returns h_1 instead of h_T. */
  readonly firstState: boolean;
  /** One activation applied whatever the constructor was given. */
  readonly activation: 'sigmoid' | 'tanh';
}

const FIXED = { sigmoid, tanh: Math.tanh } as const;

/** One unit's pre-activation at one step, with the quirks that change it. */
function preActivation(layer: RnnLayer, q: Partial<RnnQuirks>, x: readonly number[], h: readonly number[], j: number): number {
  const { Wx, Wy, b } = layer;
  let z = q.biasForgotten ? 0 : b[j]!;
  for (let i = 0; i < x.length; i++) z += Wx[i]![j]! * x[i]!;
  for (let k = 0; k < h.length; k++) z += (q.recurrentNotTransposed ? Wy[j]![k]! : Wy[k]![j]!) * h[k]!;
  return z;
}

/** The reference layer with the given quirks; with none it computes what the reference does. */
export function quirkyRnn(q: Partial<RnnQuirks>): typeof RnnLayer {
  return class QuirkyRnn extends RnnLayer {
    private kept: number[] | undefined;

    constructor(nUnits: number, inputSize: number, activation: (x: number) => number) {
      super(nUnits, inputSize, q.activation ? FIXED[q.activation] : activation);
    }

    override forward(X: number[][]): number[] {
      const states = this.forwardSequence(X);
      if (states.length === 0) return (q.stateKept ? this.kept : undefined) ?? this.b.map(() => 0);
      return q.firstState ? states[0]! : states[states.length - 1]!;
    }

    override forwardSequence(X: number[][]): number[][] {
      let h = (q.stateKept ? this.kept : undefined) ?? this.b.map(() => 0);
      const states: number[][] = [];
      for (const x of X) {
        const next = q.updatedInPlace ? h : new Array<number>(h.length);
        for (let j = 0; j < h.length; j++) next[j] = this.activation(preActivation(this, q, x, h, j));
        states.push(q.updatedInPlace ? [...next] : next);
        h = next;
      }
      if (q.stateKept) this.kept = [...h];
      const last = states[states.length - 1];
      return q.statesAliased && last ? states.map(() => [...last]) : states;
    }
  };
}

/** A mistake's RnnLayer as one quirk, combinable with every other RNN mistake's. */
export const rnnQuirk = (quirk: Partial<RnnQuirks>): Pick<MistakeDefinition, 'overrides' | 'wrap'> => quirky<RnnQuirks>('RnnLayer', quirkyRnn, quirk);
