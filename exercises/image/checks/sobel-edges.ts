import { casesCheck } from 'neurograde/kit';
import { sobelCase } from './image-case.js';

const image = (h: number, w: number, f: (i: number, j: number) => number): number[][] =>
  Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => f(i, j)));

/** Edges of known direction, flat images (no edge: zeros, not NaN) and the smallest image. */
export const sobelEdges = casesCheck({
  id: 'sobel-edges',
  title: { fr: 'Bords simples et images plates', en: 'Simple edges and flat images' },
  cases: () => [
    sobelCase({ en: 'vertical edge (dark left, light right)', fr: 'bord vertical (gauche sombre, droite claire)' }, image(5, 6, (_, j) => (j < 3 ? 20 : 200))),
    sobelCase({ en: 'horizontal edge (light top, dark bottom)', fr: 'bord horizontal (haut clair, bas sombre)' }, image(6, 5, (i) => (i < 3 ? 220 : 30))),
    sobelCase({ en: 'round edge: a bright disc, edges in every direction', fr: 'bord rond : un disque clair, des bords dans toutes les directions' }, image(8, 8, (i, j) => ((i - 3.5) ** 2 + (j - 3.5) ** 2 < 7 ? 210 : 35))),
    sobelCase({ en: 'flat image: no edge, all zeros', fr: 'image uniforme : aucun bord, que des zéros' }, image(5, 5, () => 7)),
    sobelCase({ en: '3x3 image -> 1x1', fr: 'image 3x3 -> 1x1' }, [
      [0, 10, 30],
      [5, 20, 60],
      [0, 40, 90],
    ]),
  ],
});
