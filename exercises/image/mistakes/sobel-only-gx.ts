import type { MistakeDefinition } from 'neurograde/kit';
import { divideByMax, gradients } from './sobel-parts.js';
import { sobelQuirk } from './sobel-quirks.js';

export const sobelOnlyGx: MistakeDefinition = {
  id: 'sobel-only-gx',
  title: { fr: 'Seulement le gradient horizontal gx', en: 'Only the horizontal gradient gx' },
  explanation: {
    fr: "Votre sobel renvoie rx / np.max(rx) (ou |rx| / max |rx|), la première cellule Sobel du cours : elle ne voit que les bords verticaux (variations de gauche à droite). La norme du gradient combine les deux directions : ry = convol(gimg, kernel.T), puis np.sqrt(rx*rx + ry*ry).",
    en: "Your sobel returns rx / np.max(rx) (or |rx| / max |rx|), the notes' first Sobel cell: it only sees vertical edges (changes from left to right). The gradient magnitude combines both directions: ry = convol(gimg, kernel.T), then np.sqrt(rx*rx + ry*ry).",
  },
  hint: {
    fr: 'Calculez aussi gy avec la transposée du noyau, puis sqrt(gx² + gy²) avant de normaliser.',
    en: "Also compute gy with the kernel's transpose, then sqrt(gx² + gy²) before normalising.",
  },
  ...sobelQuirk({ magnitude: 'gx' }),
  // The same cell with |gx| (or sqrt(gx * gx)) taken before dividing: still gx alone.
  forms: [{ sobel: (gray: number[][]): number[][] => divideByMax(gradients(gray).gx.map((row) => row.map(Math.abs))) }],
};
