import type { MistakeDefinition } from 'neurograde/kit';
import { poolWindows, REDUCERS, type PoolOptions } from './windows.js';

/** Output `ceil((N - F) / S) + 1` per axis, the windows that stick out filled with zeros. */
function paddedPooling(img: number[][], options: PoolOptions): number[][] {
  const { size, mode = 'max' } = options;
  const stride = options.stride ?? size;
  const h = img.length;
  const w = h > 0 ? img[0].length : 0;
  const outH = Math.ceil((h - size) / stride) + 1;
  const outW = Math.ceil((w - size) / stride) + 1;
  return poolWindows(img, { size, stride, outH, outW }, REDUCERS[mode]);
}

export const remainderPadded: MistakeDefinition = {
  id: 'pool-remainder-padded',
  title: { fr: 'Reste complété au lieu d’être abandonné', en: 'Remainder padded instead of dropped' },
  explanation: {
    fr: "Quand la taille de l'image n'est pas un multiple du pas, les dernières lignes ou colonnes ne remplissent pas une fenêtre : le pooling les abandonne (taille floor((N - F) / S) + 1, comme Keras). Votre code ajoute une fenêtre incomplète, complétée par des zéros.",
    en: 'When the image size is not a multiple of the stride, the last rows or columns do not fill a window: pooling drops them (size floor((N - F) / S) + 1, like Keras). Your code adds an incomplete window, filled with zeros.',
  },
  hint: {
    fr: 'Math.floor, pas Math.ceil : seules les fenêtres entièrement dans l’image produisent une sortie.',
    en: 'Math.floor, not Math.ceil: only windows entirely inside the image produce an output.',
  },
  overrides: {
    maxpooling: (img: number[][], n: number): number[][] => paddedPooling(img, { size: n }),
    pooling: paddedPooling,
  },
};
