import { type CaseSpec, call, compareValues, type Comparison } from 'neurograde/kit';

export function grayscaleCase(id: string, rgb: number[][][]): CaseSpec {
  return { id, steps: [call('toGrayscale', rgb)], input: { rgb } };
}

export function sobelCase(id: string, gray: number[][]): CaseSpec {
  return { id, steps: [call('sobel', gray)], input: { gray } };
}

/** Grey levels are integers (`astype(int)`): no tolerance, one level off is wrong. */
export const exactly = (want: unknown, got: unknown): Comparison => compareValues(want, got, { atol: 0, rtol: 0 });
