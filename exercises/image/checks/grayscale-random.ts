import { casesCheck, type CaseSpec } from 'neurograde/kit';
import { exactly, grayscaleCase } from './image-case.js';

/** Seeded random colour images; the last ones hold signed values, truncated toward zero. */
export const grayscaleRandom = casesCheck({
  id: 'grayscale-random',
  title: { fr: 'Images couleur tirées au hasard', en: 'Random colour images' },
  compare: exactly,
  cases: (rng) =>
    Array.from({ length: 8 }, (_, i): CaseSpec => {
      const [lo, hi] = i < 6 ? [0, 255] : [-255, 255];
      const h = rng.int(1, 9);
      const w = rng.int(1, 9);
      const rgb = Array.from({ length: h }, () => Array.from({ length: w }, () => [rng.int(lo, hi), rng.int(lo, hi), rng.int(lo, hi)]));
      return grayscaleCase({ en: `random #${i}`, fr: `aléatoire n° ${i}` }, rgb);
    }),
});
