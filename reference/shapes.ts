/**
 * Reference for the `shapes.ts` exercise: the notes' output-size and parameter-count formulas.
 */

/** A feature map's width, height and depth (channels), as in the notes' `W x H x D`. */
export type Volume = { W: number; H: number; D: number };

/**
 * Output volume of a convolution layer with K filters of size F x F, stride S, zero padding P:
 * `Wc = floor((W - F + 2P) / S) + 1`, same for H, `Dc = K`. Floored like Keras/TF when the
 * division is not exact, since a filter that does not fit entirely produces no output.
 */
export function convOutputShape(
  input: Volume,
  layer: { K: number; F: number; S: number; P: number },
): Volume {
  const { K, F, S, P } = layer;
  return {
    W: Math.floor((input.W - F + 2 * P) / S) + 1,
    H: Math.floor((input.H - F + 2 * P) / S) + 1,
    D: K,
  };
}

/**
 * Output volume of a pooling layer with F x F cells and stride S (no padding):
 * `Wp = floor((W - F) / S) + 1`, same for H, `Dp = D` (pooling acts on each channel separately).
 */
export function poolOutputShape(input: Volume, layer: { F: number; S: number }): Volume {
  const { F, S } = layer;
  return {
    W: Math.floor((input.W - F) / S) + 1,
    H: Math.floor((input.H - F) / S) + 1,
    D: input.D,
  };
}

/** Trainable parameters of a Conv2D layer: K filters of F*F*D weights plus one bias each. */
export function convParamCount(F: number, D: number, K: number): number {
  return (F * F * D + 1) * K;
}

/** Trainable parameters of a Dense layer: a weight per input and one bias, per unit. */
export function denseParamCount(inputs: number, units: number): number {
  return (inputs + 1) * units;
}

/**
 * Trainable parameters of a SimpleRNN layer: input kernel (inputDim x units), recurrent kernel
 * (units x units) and bias (units).
 */
export function simpleRnnParamCount(inputDim: number, units: number): number {
  return units * (inputDim + units + 1);
}
