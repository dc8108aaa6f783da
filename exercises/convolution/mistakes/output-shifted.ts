import type { MistakeDefinition } from 'neurograde/kit';
import { notesConvol } from './notes-convol.js';

export const outputShifted: MistakeDefinition = {
  id: 'conv-output-shifted',
  title: { fr: 'Sortie décalée de k (le convol du cours)', en: "Output shifted by k (the notes' convol)" },
  explanation: {
    fr: "Comme le convol du cours, votre code écrit le résultat du patch centré en (i, j) dans r[i][j]. Mais r ne contient que les positions valides : ce résultat appartient à r[i - k][j - k]. Les valeurs glissent de k lignes et k colonnes vers le bas à droite, les k premières lignes et colonnes restent à 0, et les dernières positions sont perdues. Avec un noyau 5x5, la taille n - k - 1 du cours est en plus fausse.",
    en: "Like the notes' convol, your code writes the result of the patch centred on (i, j) into r[i][j]. But r only holds the valid positions: that result belongs in r[i - k][j - k]. Values slide k rows and k columns down-right, the first k rows and columns stay 0 and the last positions are lost. With a 5x5 kernel the notes' size n - k - 1 is also wrong.",
  },
  hint: {
    fr: 'Indexez la sortie par le coin du patch : r[i][j] = somme de img[i + a][j + b] * kernel[a][b], avec n - kh + 1 lignes.',
    en: "Index the output by the patch's corner: r[i][j] = sum of img[i + a][j + b] * kernel[a][b], with n - kh + 1 rows.",
  },
  overrides: {
    convolution: (img: number[][], kernel: number[][]): number[][] => notesConvol(img, kernel, 'centre'),
  },
};
