// Exercise "shapes": output sizes and parameter counts (see README.md).
export type Volume = { W: number; H: number; D: number };

export function convOutputShape(input: Volume, layer: { K: number; F: number; S: number; P: number }): Volume {
  throw new Error('TODO: Wc = (W - F + 2P) / S + 1, floored; Dc = K');
}

export function poolOutputShape(input: Volume, layer: { F: number; S: number }): Volume {
  throw new Error('TODO: Wp = (W - F) / S + 1, floored; Dp = D');
}

export function convParamCount(F: number, D: number, K: number): number {
  throw new Error('TODO: (F * F * D + 1) * K');
}

export function denseParamCount(inputs: number, units: number): number {
  throw new Error('TODO: (inputs + 1) * units');
}

export function simpleRnnParamCount(inputDim: number, units: number): number {
  throw new Error('TODO: units * (inputDim + units + 1)');
}
