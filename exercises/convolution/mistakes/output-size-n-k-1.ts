import type { MistakeDefinition } from 'neurograde/kit';
import { notesConvol } from './notes-convol.js';

export const outputSizeNK1: MistakeDefinition = {
  id: 'conv-output-size-n-k-1',
  title: { fr: 'Taille de sortie n - k - 1', en: 'Output size n - k - 1' },
  explanation: {
    fr: "Vous avez corrigé l'indice du convol du cours (r[i - k][j - k]) mais gardé sa taille n - k - 1 et ses bornes range(k, n - k - 1). Ce n'est juste pour aucun noyau : avec 3x3 la dernière ligne et la dernière colonne restent à 0, avec 5x5 la sortie a une ligne et une colonne de trop. La sortie valide a n - F + 1 lignes : une par position où le noyau tient entièrement.",
    en: "You fixed the notes' convol index (r[i - k][j - k]) but kept its size n - k - 1 and its bounds range(k, n - k - 1). That is right for no kernel: with 3x3 the last row and column stay 0, with 5x5 the output has one row and one column too many. The valid output has n - F + 1 rows: one per position where the kernel fits entirely.",
  },
  hint: {
    fr: 'Taille (N - F + 2P) / S + 1 par axe, avec F la taille du noyau sur cet axe ; bouclez sur les positions de sortie.',
    en: "Size (N - F + 2P) / S + 1 per axis, F being the kernel's size on that axis; loop over output positions.",
  },
  overrides: {
    convolution: (img: number[][], kernel: number[][]): number[][] => notesConvol(img, kernel, 'corner'),
  },
};
