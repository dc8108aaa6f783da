export type Mode = 'max' | 'mean' | 'l2';
export type PoolOptions = { size: number; stride?: number; mode?: Mode };

/**
 * A pooling whose output size and per-window statistic are chosen by the caller, pixels outside
 * the image counting as 0: the building block of the mistaken variants.
 */
export function poolWindows(
  img: number[][],
  window: { size: number; stride: number; outH: number; outW: number },
  reduce: (values: number[]) => number,
): number[][] {
  const { size, stride, outH, outW } = window;
  if (outH <= 0 || outW <= 0) return [];
  return Array.from({ length: outH }, (_, oi) =>
    Array.from({ length: outW }, (_, oj) => {
      const values: number[] = [];
      for (let i = oi * stride; i < oi * stride + size; i++) {
        for (let j = oj * stride; j < oj * stride + size; j++) values.push(img[i]?.[j] ?? 0);
      }
      return reduce(values);
    }),
  );
}

export const REDUCERS: Readonly<Record<Mode, (values: number[]) => number>> = {
  max: (v) => v.reduce((a, b) => (b > a ? b : a), -Infinity),
  mean: (v) => v.reduce((a, b) => a + b, 0) / v.length,
  l2: (v) => Math.sqrt(v.reduce((a, b) => a + b * b, 0)),
};

/** `floor((N - F) / S) + 1` per axis, as the reference. */
export function validSize(img: number[][], size: number, stride: number): { outH: number; outW: number } {
  const h = img.length;
  const w = h > 0 ? img[0].length : 0;
  return { outH: Math.floor((h - size) / stride) + 1, outW: Math.floor((w - size) / stride) + 1 };
}
