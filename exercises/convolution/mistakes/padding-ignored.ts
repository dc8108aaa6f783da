import type { MistakeDefinition } from 'neurograde/kit';
import { convolution } from '../../../reference/convolution.js';

type Conv = (img: number[][], kernel: number[][], options?: Options) => number[][];
type Options = { stride?: number; padding?: number };

/** The mistake made on top of any convolution (the reference, or another mistake's). */
const wrap = (base: Readonly<Record<string, unknown>>) => ({ convolution: (img: number[][], kernel: number[][], options?: Options): number[][] => (base.convolution as Conv)(img, kernel, { ...options, padding: 0 }) });

export const paddingIgnored: MistakeDefinition = {
  id: 'conv-padding-ignored',
  title: { fr: 'Zero-padding ignoré', en: 'Zero padding ignored' },
  explanation: {
    fr: "Le cours ajoute à l'image « un contour noir d'épaisseur P pixels » avant de faire glisser le noyau : la sortie a (N - F + 2P) / S + 1 lignes. Votre code ne l'ajoute pas, sa sortie est trop petite de 2P / S.",
    en: 'The notes add "a black border P pixels thick" around the image before sliding the kernel: the output has (N - F + 2P) / S + 1 rows. Your code does not add it, so its output is 2P / S too small.',
  },
  hint: {
    fr: 'Entourez l’image de P lignes et P colonnes de zéros de chaque côté (ou traitez les pixels hors de l’image comme des 0).',
    en: 'Surround the image with P rows and P columns of zeros on every side (or treat pixels outside the image as 0).',
  },
  overrides: wrap({ convolution }),
  wrap,
};
