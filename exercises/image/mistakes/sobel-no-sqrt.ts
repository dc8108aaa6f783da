import type { MistakeDefinition } from 'neurograde/kit';
import { sobelQuirk } from './sobel-quirks.js';

export const sobelNoSqrt: MistakeDefinition = {
  id: 'sobel-no-sqrt',
  title: { fr: 'gx² + gy² sans la racine carrée', en: 'gx² + gy² without the square root' },
  explanation: {
    fr: "La norme du gradient est np.sqrt(rx*rx + ry*ry) : la longueur du vecteur (gx, gy). Sans la racine, vous normalisez son carré : les bords faibles deviennent presque invisibles (0,5 devient 0,25) et chaque valeur est le carré de l'attendue.",
    en: 'The gradient magnitude is np.sqrt(rx*rx + ry*ry): the length of the vector (gx, gy). Without the root you normalise its square: weak edges nearly vanish (0.5 becomes 0.25) and every value is the square of the expected one.',
  },
  hint: { fr: 'Math.sqrt(gx * gx + gy * gy), ou Math.hypot(gx, gy), avant de diviser par le maximum.', en: 'Math.sqrt(gx * gx + gy * gy), or Math.hypot(gx, gy), before dividing by the maximum.' },
  ...sobelQuirk({ magnitude: 'squared' }),
};
