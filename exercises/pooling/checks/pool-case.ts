import { type CaseSpec, call, named, type CaseName } from 'neurograde/kit';

export type PoolOptions = { size: number; stride?: number; mode?: 'max' | 'mean' | 'l2' };

export function maxpoolingCase(name: CaseName, img: number[][], n: number): CaseSpec {
  return { ...named(name), steps: [call('maxpooling', img, n)], input: { img, n } };
}

export function poolingCase(name: CaseName, img: number[][], options: PoolOptions): CaseSpec {
  return { ...named(name), steps: [call('pooling', img, options)], input: { img, options } };
}

/** An h x w image whose value at (i, j) is f(i, j). */
export const image = (h: number, w: number, f: (i: number, j: number) => number): number[][] =>
  Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => f(i, j)));

/** A small image with negative values and no two windows alike. */
export const signed = (h: number, w: number): number[][] => image(h, w, (i, j) => ((i * 7 + j * 5 + i * j) % 11) - 5);
