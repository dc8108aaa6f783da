import type { MistakeDefinition } from 'neurograde/kit';
import { convolution } from '../../../reference/convolution.js';

type Conv = (img: number[][], kernel: number[][], options?: Options) => number[][];
type Options = { stride?: number; padding?: number };

const transpose = (m: number[][]): number[][] => (m.length === 0 ? [] : m[0].map((_, j) => m.map((row) => row[j])));

/** The mistake made on top of any convolution (the reference, or another mistake's). */
const wrap = (base: Readonly<Record<string, unknown>>) => ({ convolution: (img: number[][], kernel: number[][], options?: Options): number[][] => transpose((base.convolution as Conv)(img, kernel, options)) });

export const rowsColsSwapped: MistakeDefinition = {
  id: 'conv-rows-cols-swapped',
  title: { fr: 'Lignes et colonnes inversées', en: 'Rows and columns swapped' },
  explanation: {
    fr: "Les valeurs calculées sont justes mais rangées colonne par colonne : votre sortie est la transposée de l'attendue (out[x][y] au lieu de out[y][x]). Un tableau numpy, comme img ici, s'indexe img[ligne][colonne].",
    en: 'The values are right but stored column by column: your output is the transpose of the expected one (out[x][y] instead of out[y][x]). A numpy array, like img here, is indexed img[row][col].',
  },
  hint: {
    fr: 'La boucle externe parcourt les lignes de sortie (hauteur), la boucle interne les colonnes, et chaque ligne construite est un élément du résultat.',
    en: 'The outer loop runs over output rows (height), the inner one over columns, and each row built is one item of the result.',
  },
  overrides: wrap({ convolution }),
  wrap,
};
