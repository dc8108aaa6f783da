import type { MistakeDefinition } from 'neurograde/kit';
import { convolution } from '../../../reference/convolution.js';

type Conv = (img: number[][], kernel: number[][], options?: Options) => number[][];
type Options = { stride?: number; padding?: number };

/** The mistake made on top of any convolution (the reference, or another mistake's). */
const wrap = (base: Readonly<Record<string, unknown>>) => ({ convolution: (img: number[][], kernel: number[][], options?: Options): number[][] => (base.convolution as Conv)(img, kernel, { ...options, stride: 1 }) });

export const strideIgnored: MistakeDefinition = {
  id: 'conv-stride-ignored',
  title: { fr: 'Pas (stride) ignoré', en: 'Stride ignored' },
  explanation: {
    fr: "Le noyau doit avancer de S pixels entre deux sorties : la sortie a (N - F + 2P) / S + 1 lignes et colonnes. Votre code avance toujours d'un pixel, comme si S valait 1.",
    en: 'The kernel must move S pixels between two outputs: the output has (N - F + 2P) / S + 1 rows and columns. Your code always moves by one pixel, as if S were 1.',
  },
  hint: {
    fr: 'La sortie (i, j) lit le patch dont le coin est (i * S - P, j * S - P).',
    en: 'Output (i, j) reads the patch whose corner is (i * S - P, j * S - P).',
  },
  overrides: wrap({ convolution }),
  wrap,
};
