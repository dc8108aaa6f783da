import { type CaseSpec, type Rng, builtin, construct, data, invoke, set, type BuiltinName, type Step, named, type CaseName } from 'neurograde/kit';

/** A layer as a case sets it up: the activation passed to the constructor and the weights set after. */
export interface LayerSpec {
  readonly activation: BuiltinName;
  /** inputSize x nUnits */
  readonly Wx: number[][];
  /** nUnits x nUnits */
  readonly Wy: number[][];
  /** nUnits */
  readonly b: number[];
}

/**
 * `new RnnLayer(nUnits, inputSize, activation)`, then `Wx`, `Wy`, `b` assigned: the contract lets
 * the constructor initialise the weights however it likes, so every case overwrites them.
 */
export function buildLayer(as: string, layer: LayerSpec): Step[] {
  return [
    construct('RnnLayer', as, [data(layer.b.length), data(layer.Wx.length), builtin(layer.activation)]),
    set(as, 'Wx', layer.Wx),
    set(as, 'Wy', layer.Wy),
    set(as, 'b', layer.b),
  ];
}

/** A fresh layer, one call of `method` on X. */
export function layerCase(name: CaseName, layer: LayerSpec, method: 'forward' | 'forwardSequence', X: number[][]): CaseSpec {
  return { ...named(name), steps: [...buildLayer('layer', layer), invoke('layer', method, X)], input: { ...layer, X, call: method } };
}

/** A layer of the given sizes with weights drawn from the seeded generator, in [-1, 1). */
export function randomLayer(rng: Rng, sizes: { nUnits: number; inputSize: number; activation: BuiltinName }): LayerSpec {
  return {
    activation: sizes.activation,
    Wx: rng.floatMatrix(sizes.inputSize, sizes.nUnits, -1, 1),
    Wy: rng.floatMatrix(sizes.nUnits, sizes.nUnits, -1, 1),
    b: rng.floatMatrix(1, sizes.nUnits, -1, 1)[0]!,
  };
}

/** The notes' input sequence: 5 steps of 2 features, `X.shape == (5, 2)`. */
export const NOTES_X = [
  [1, 1],
  [1, 2],
  [1, 3],
  [1, 2],
  [1, 3],
];

/**
 * The notes' layer, `RnnLayer(3, 2, sigmoid)`, with fixed weights instead of `np.random.randn`
 * so that every student gets the same answer. Wy is far from symmetric and b far from zero, so
 * forgetting the transpose or the bias changes every state after the first.
 */
export const NOTES_LAYER: LayerSpec = {
  activation: 'sigmoid',
  Wx: [
    [0.5, -0.3, 0.8],
    [-0.2, 0.4, -0.6],
  ],
  Wy: [
    [0.1, -0.7, 0.3],
    [0.6, 0.2, -0.4],
    [-0.5, 0.9, 0.05],
  ],
  b: [0.1, -0.2, 0.3],
};
