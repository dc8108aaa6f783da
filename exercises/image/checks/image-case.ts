import { type CaseSpec, call, compareValues, type Comparison, named, type CaseName } from 'neurograde/kit';

export function grayscaleCase(name: CaseName, rgb: number[][][]): CaseSpec {
  return { ...named(name), steps: [call('toGrayscale', rgb)], input: { rgb } };
}

export function sobelCase(name: CaseName, gray: number[][]): CaseSpec {
  return { ...named(name), steps: [call('sobel', gray)], input: { gray } };
}

/** Grey levels are integers (`astype(int)`): no tolerance, one level off is wrong. */
export const exactly = (want: unknown, got: unknown): Comparison => compareValues(want, got, { atol: 0, rtol: 0 });
