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
