// Output sizes and parameter counts, from the notes' section 3.1.
export type Volume = { W: number; H: number; D: number };

const size = (n: number, f: number, s: number, p = 0): number => Math.floor((n - f + 2 * p) / s) + 1;

export function convOutputShape(input: Volume, layer: { K: number; F: number; S: number; P: number }): Volume {
  return { W: size(input.W, layer.F, layer.S, layer.P), H: size(input.H, layer.F, layer.S, layer.P), D: layer.K };
}

export function poolOutputShape(input: Volume, layer: { F: number; S: number }): Volume {
  return { W: size(input.W, layer.F, layer.S), H: size(input.H, layer.F, layer.S), D: input.D };
}

export const convParamCount = (F: number, D: number, K: number): number => (F * F * D + 1) * K;
export const denseParamCount = (inputs: number, units: number): number => (inputs + 1) * units;
export const simpleRnnParamCount = (inputDim: number, units: number): number => units * (inputDim + units + 1);
