import type { MistakeDefinition } from 'neurograde/kit';
import { convolution } from '../../../reference/convolution.js';

type Options = { stride?: number; padding?: number };

type Conv = (img: number[][], kernel: number[][], options?: Options) => number[][];

/** `F = len(kernel)` for both axes, as the notes' k = len(kernel) // 2: only the first F columns of a wide kernel count. */
const square = (kernel: number[][]): number[][] => Array.from({ length: kernel.length }, (_, a) => Array.from({ length: kernel.length }, (_, b) => kernel[a]![b] ?? 0));

/** The mistake made on top of any convolution (the reference, or another mistake's). */
const wrap = (base: Readonly<Record<string, unknown>>) => ({ convolution: (img: number[][], kernel: number[][], options?: Options): number[][] => (base.convolution as Conv)(img, square(kernel), options) });

export const squareKernelAssumed: MistakeDefinition = {
  id: 'conv-square-kernel-assumed',
  title: { fr: 'Noyau supposé carré (F = nombre de lignes)', en: 'Kernel assumed square (F = its number of rows)' },
  explanation: {
    fr: "Comme le k = len(kernel) // 2 du cours, votre code prend le nombre de lignes du noyau comme taille sur les deux axes. Avec un noyau non carré (2x4, 1x3...), la largeur de sortie et les colonnes lues du noyau sont fausses. Chaque axe a sa propre taille de noyau : (N - F_h + 2P) / S + 1 lignes, (M - F_w + 2P) / S + 1 colonnes.",
    en: "Like the notes' k = len(kernel) // 2, your code takes the kernel's number of rows as its size on both axes. With a non-square kernel (2x4, 1x3...) the output width and the kernel columns read are wrong. Each axis has its own kernel size: (N - F_h + 2P) / S + 1 rows, (M - F_w + 2P) / S + 1 columns.",
  },
  hint: {
    fr: 'kh = kernel.length, kw = kernel[0].length, et utilisez kw pour les colonnes.',
    en: 'kh = kernel.length, kw = kernel[0].length, and use kw for the columns.',
  },
  overrides: wrap({ convolution }),
  wrap,
};
