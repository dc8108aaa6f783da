import { casesCheck, type CaseSpec, type Rng } from 'neurograde/kit';
import { convCase, type ConvOptions } from './conv-case.js';

function randomOptions(rng: Rng, i: number): ConvOptions | undefined {
  // Every shape of options a caller may send: none, one key, both keys.
  switch (i % 4) {
    case 0:
      return undefined;
    case 1:
      return { stride: rng.int(1, 3) };
    case 2:
      return { padding: rng.int(0, 2) };
    default:
      return { stride: rng.int(1, 3), padding: rng.int(0, 2) };
  }
}

/** Seeded random images and kernels: non-square, even sizes, strides, paddings, remainders. */
export const randomCases = casesCheck({
  id: 'random-cases',
  title: { fr: 'Cas tirés au hasard', en: 'Random cases' },
  cases: (rng) =>
    Array.from({ length: 12 }, (_, i): CaseSpec => {
      const h = rng.int(3, 12);
      const w = rng.int(3, 12);
      const kh = rng.int(1, Math.min(5, h));
      const kw = rng.int(1, Math.min(5, w));
      const floats = i % 2 === 1;
      const img = floats ? rng.floatMatrix(h, w, -1, 1) : rng.intMatrix(h, w, 0, 255);
      const kernel = floats ? rng.floatMatrix(kh, kw, -1, 1) : rng.intMatrix(kh, kw, -3, 3);
      return convCase({ en: `random #${i}`, fr: `aléatoire n° ${i}` }, img, kernel, randomOptions(rng, i));
    }),
});
