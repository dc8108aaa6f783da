import type { MistakeDefinition } from 'neurograde/kit';
import { sobelQuirk } from './sobel-quirks.js';

export const sobelShiftedConvol: MistakeDefinition = {
  id: 'sobel-shifted-convol',
  title: { fr: 'Sobel calculé avec le convol du cours', en: "Sobel computed with the notes' convol" },
  explanation: {
    fr: "Votre sobel reprend les cellules du cours, rx = convol(gimg, kernel) et ry = convol(gimg, kernel.T). Or convol écrit chaque résultat dans r[i][j] au lieu de r[i - 1][j - 1] : l'image des bords est décalée d'un pixel vers le bas à droite, sa première ligne et sa première colonne sont à 0 et la dernière ligne et la dernière colonne de bords sont perdues. Sur une image sans bord, np.max(r) vaut 0 et r / np.max(r) donne NaN.",
    en: "Your sobel follows the notes' cells, rx = convol(gimg, kernel) and ry = convol(gimg, kernel.T). But convol writes each result into r[i][j] instead of r[i - 1][j - 1]: the edge image is shifted one pixel down-right, its first row and column are 0 and the last row and column of edges are lost. On an image without edges np.max(r) is 0 and r / np.max(r) gives NaN.",
  },
  hint: {
    fr: 'Calculez gx et gy avec une convolution valide correcte (votre exercice convolution), puis normalisez en renvoyant des zéros quand le maximum vaut 0.',
    en: 'Compute gx and gy with a correct valid convolution (your convolution exercise), then normalise, returning zeros when the maximum is 0.',
  },
  ...sobelQuirk({ shifted: true }),
};
