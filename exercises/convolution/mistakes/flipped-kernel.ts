import type { MistakeDefinition } from 'neurograde/kit';
import { convolution } from '../../../reference/convolution.js';

type Conv = (img: number[][], kernel: number[][], options?: Options) => number[][];
type Options = { stride?: number; padding?: number };

const rotate180 = (kernel: number[][]): number[][] => kernel.map((row) => [...row].reverse()).reverse();

/** The mistake made on top of any convolution (the reference, or another mistake's). */
const wrap = (base: Readonly<Record<string, unknown>>) => ({ convolution: (img: number[][], kernel: number[][], options?: Options): number[][] => (base.convolution as Conv)(img, rotate180(kernel), options) });

export const flippedKernel: MistakeDefinition = {
  id: 'conv-flipped-kernel',
  title: { fr: 'Noyau retourné (convolution mathématique)', en: 'Kernel flipped (the mathematical convolution)' },
  explanation: {
    fr: 'Le cours fait glisser le noyau tel quel : chaque sortie vaut np.sum(patch * kernel), patch[0][0] face à kernel[0][0]. Votre code retourne le noyau de 180° (la convolution des mathématiciens), ce qui change le signe des filtres de Sobel et déplace tout noyau non symétrique.',
    en: "The notes slide the kernel as it is: each output is np.sum(patch * kernel), patch[0][0] against kernel[0][0]. Your code rotates the kernel by 180° (the mathematicians' convolution), which flips the sign of the Sobel filters and moves any non-symmetric kernel.",
  },
  hint: {
    fr: 'Multipliez img[i + a][j + b] par kernel[a][b], pas par kernel[kh - 1 - a][kw - 1 - b].',
    en: 'Multiply img[i + a][j + b] by kernel[a][b], not by kernel[kh - 1 - a][kw - 1 - b].',
  },
  overrides: wrap({ convolution }),
  wrap,
};
