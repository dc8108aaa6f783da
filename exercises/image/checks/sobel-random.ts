import { casesCheck, type CaseSpec } from 'neurograde/kit';
import { sobelCase } from './image-case.js';

/** Seeded random grey-level images of 3x3 to 14x14 pixels. */
export const sobelRandom = casesCheck({
  id: 'sobel-random',
  title: { fr: 'Images en niveaux de gris tirées au hasard', en: 'Random grey-level images' },
  cases: (rng) => Array.from({ length: 10 }, (_, i): CaseSpec => sobelCase({ en: `random #${i}`, fr: `aléatoire n° ${i}` }, rng.intMatrix(rng.int(3, 14), rng.int(3, 14), 0, 255))),
});
