// pooling.ts: max pooling of the notes and the general pooling (max, mean, L2).

export type PoolMode = 'max' | 'mean' | 'l2';

function windowValue(values: number[], mode: PoolMode): number {
  switch (mode) {
    case 'max': {
      let m = -Infinity;
      for (const v of values) if (v > m) m = v;
      return m;
    }
    case 'mean':
      return values.reduce((s, v) => s + v, 0) / values.length;
    case 'l2':
      return Math.sqrt(values.reduce((s, v) => s + v * v, 0));
  }
}

export function pooling(img: number[][], options: { size: number; stride?: number; mode?: PoolMode }): number[][] {
  const F = options.size;
  const S = options.stride ?? F;
  const mode = options.mode ?? 'max';
  const H = img.length;
  const W = H > 0 ? img[0].length : 0;
  const outH = Math.floor((H - F) / S) + 1;
  const outW = Math.floor((W - F) / S) + 1;
  if (outH <= 0 || outW <= 0) return [];
  const result: number[][] = [];
  for (let i = 0; i < outH; i++) {
    const row: number[] = [];
    for (let j = 0; j < outW; j++) {
      const values: number[] = [];
      for (let a = 0; a < F; a++) for (let b = 0; b < F; b++) values.push(img[i * S + a][j * S + b]);
      row.push(windowValue(values, mode));
    }
    result.push(row);
  }
  return result;
}

export function maxpooling(img: number[][], n: number): number[][] {
  // Non-overlapping n x n blocks: the window moves by its own size.
  return pooling(img, { size: n, stride: n, mode: 'max' });
}
