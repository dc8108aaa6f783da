import type { MistakeDefinition } from 'neurograde/kit';
import { convolution } from '../../../reference/convolution.js';

type Conv = (img: number[][], kernel: number[][], options?: Options) => number[][];
type Options = { stride?: number; padding?: number };

/** Zeros above and to the left only: the bottom and right borders are forgotten. */
function padTopLeft(img: number[][], p: number): number[][] {
  const width = (img[0]?.length ?? 0) + p;
  return [...Array.from({ length: p }, () => new Array<number>(width).fill(0)), ...img.map((row) => [...new Array<number>(p).fill(0), ...row])];
}

/** The mistake made on top of any convolution (the reference, or another mistake's). */
const wrap = (base: Readonly<Record<string, unknown>>) => ({
    convolution: (img: number[][], kernel: number[][], options?: Options): number[][] =>
      (base.convolution as Conv)(padTopLeft(img, options?.padding ?? 0), kernel, { stride: options?.stride ?? 1 }),
  });

export const paddingOneSide: MistakeDefinition = {
  id: 'conv-padding-one-side',
  title: { fr: "Padding d'un seul côté", en: 'Padding on one side only' },
  explanation: {
    fr: "Le contour de zéros fait P pixels de chaque côté : en haut et en bas, à gauche et à droite, d'où le 2P de la formule (N - F + 2P) / S + 1. Votre code n'en ajoute qu'en haut et à gauche.",
    en: 'The border of zeros is P pixels on every side: top and bottom, left and right, hence the 2P in (N - F + 2P) / S + 1. Your code adds it only at the top and on the left.',
  },
  hint: {
    fr: "L'image complétée a N + 2P lignes et M + 2P colonnes.",
    en: 'The padded image has N + 2P rows and M + 2P columns.',
  },
  overrides: wrap({ convolution }),
  wrap,
};
