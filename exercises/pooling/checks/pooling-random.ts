import { casesCheck, type CaseSpec } from 'neurograde/kit';
import { maxpoolingCase, poolingCase, type PoolOptions } from './pool-case.js';

const MODES = [undefined, 'max', 'mean', 'l2'] as const;

/** Seeded random images, window sizes, strides and modes, remainders included. */
export const poolingRandom = casesCheck({
  id: 'pooling-random',
  title: { fr: 'Cas tirés au hasard', en: 'Random cases' },
  cases: (rng) =>
    Array.from({ length: 12 }, (_, i): CaseSpec => {
      const h = rng.int(2, 13);
      const w = rng.int(2, 13);
      const size = rng.int(1, Math.min(4, h, w));
      const img = i % 2 === 0 ? rng.intMatrix(h, w, -20, 255) : rng.floatMatrix(h, w, -1, 1);
      if (i % 3 === 0) return maxpoolingCase({ en: `random #${i}`, fr: `aléatoire n° ${i}` }, img, size);
      const mode = MODES[i % 4];
      const options: PoolOptions = { size, ...(i % 4 >= 2 ? { stride: rng.int(1, 3) } : {}), ...(mode ? { mode } : {}) };
      return poolingCase({ en: `random #${i}`, fr: `aléatoire n° ${i}` }, img, options);
    }),
});
