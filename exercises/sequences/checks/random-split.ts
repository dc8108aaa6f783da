import { named } from 'neurograde/kit';
import { splitCheck } from './split-check.js';

/** Seeded random pairs and cut points. */
export const randomSplit = splitCheck({
  id: 'random-split',
  title: { fr: 'Découpages tirés au hasard', en: 'Random splits' },
  cases: (rng) =>
    Array.from({ length: 6 }, (_, i) => {
      const n = rng.int(10, 40);
      const s = rng.int(1, 4);
      const X = rng.floatMatrix(n, s, -1, 1);
      const Y = rng.floatMatrix(n, 1, -1, 1);
      const trainCount = rng.int(1, n - 1);
      return { ...named({ en: `#${i}: ${n} pairs, trainCount = ${trainCount}`, fr: `n° ${i} : ${n} paires, trainCount = ${trainCount}` }), X, Y, trainCount };
    }),
});
