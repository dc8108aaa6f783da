import type { MistakeDefinition } from 'neurograde/kit';
import { convolution } from '../../../reference/convolution.js';

type Options = { stride?: number; padding?: number };

type Conv = (img: number[][], kernel: number[][], options?: Options) => number[][];

/** The output size of the stride, the windows of stride 1: the first positions of the dense result. */
function strideInSizeOnly(base: Conv): Conv {
  return (img, kernel, options = {}) => {
    const right = base(img, kernel, options);
    const dense = base(img, kernel, { ...options, stride: 1 });
    return right.map((row, i) => row.map((_, j) => dense[i]?.[j] ?? 0));
  };
}

/** The mistake made on top of any convolution (the reference, or another mistake's). */
const wrap = (base: Readonly<Record<string, unknown>>) => ({ convolution: strideInSizeOnly(base.convolution as Conv) });

export const strideNotInWindow: MistakeDefinition = {
  id: 'conv-stride-not-in-window',
  title: { fr: 'Le pas réduit la taille mais ne déplace pas la fenêtre', en: 'The stride shrinks the output but does not move the window' },
  explanation: {
    fr: "Votre sortie a bien (N - F + 2P) / S + 1 lignes et colonnes, mais la fenêtre de la sortie (i, j) commence en (i, j) au lieu de (i * S, j * S) : vous calculez les premières positions de la convolution de pas 1. Le pas S est l'écart entre deux fenêtres successives, il doit apparaître dans l'indice du patch.",
    en: 'Your output has the right (N - F + 2P) / S + 1 rows and columns, but the window of output (i, j) starts at (i, j) instead of (i * S, j * S): you compute the first positions of the stride-1 convolution. The stride S is the gap between two successive windows; it belongs in the patch index.',
  },
  hint: {
    fr: 'Le patch de la sortie (i, j) a pour coin (i * S - P, j * S - P).',
    en: 'The patch of output (i, j) has its corner at (i * S - P, j * S - P).',
  },
  overrides: wrap({ convolution }),
  wrap,
};
