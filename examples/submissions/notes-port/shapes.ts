// The notes' formulas taken literally: Wc = (W - F + 2P) / S + 1, with no floor.
export type Volume = { W: number; H: number; D: number };

export function convOutputShape(input: Volume, layer: { K: number; F: number; S: number; P: number }): Volume {
  const { K, F, S, P } = layer;
  return { W: (input.W - F + 2 * P) / S + 1, H: (input.H - F + 2 * P) / S + 1, D: K };
}

export function poolOutputShape(input: Volume, layer: { F: number; S: number }): Volume {
  const { F, S } = layer;
  return { W: (input.W - F) / S + 1, H: (input.H - F) / S + 1, D: input.D };
}

export function convParamCount(F: number, D: number, K: number): number {
  return (F * F * D + 1) * K;
}

export function denseParamCount(inputs: number, units: number): number {
  return (inputs + 1) * units;
}

export function simpleRnnParamCount(inputDim: number, units: number): number {
  return units * (inputDim + units + 1);
}
