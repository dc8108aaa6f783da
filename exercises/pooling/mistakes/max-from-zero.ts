import type { MistakeDefinition } from 'neurograde/kit';
import { pooling } from '../../../reference/pooling.js';
import { poolWindows, validSize, type PoolOptions } from './windows.js';

/** The reference, except that the running maximum starts at 0 instead of -Infinity. */
function fromZero(img: number[][], options: PoolOptions): number[][] {
  if ((options.mode ?? 'max') !== 'max') return pooling(img, options);
  const stride = options.stride ?? options.size;
  return poolWindows(img, { size: options.size, stride, ...validSize(img, options.size, stride) }, (v) => v.reduce((a, b) => (b > a ? b : a), 0));
}

export const maxFromZero: MistakeDefinition = {
  id: 'pool-max-from-zero',
  title: { fr: 'Maximum initialisé à 0', en: 'Maximum started at 0' },
  explanation: {
    fr: "Votre maximum part de 0 : une fenêtre dont toutes les valeurs sont négatives donne 0 au lieu de sa plus grande valeur. Les images d'entrée sont positives, mais une carte de caractéristiques (la sortie d'une convolution, un gradient de Sobel) ne l'est pas.",
    en: 'Your maximum starts at 0: a window whose values are all negative gives 0 instead of its largest value. Input images are positive, but a feature map (a convolution\'s output, a Sobel gradient) is not.',
  },
  hint: { fr: 'Partez de -Infinity, ou de la première valeur de la fenêtre.', en: "Start from -Infinity, or from the window's first value." },
  overrides: {
    maxpooling: (img: number[][], n: number): number[][] => fromZero(img, { size: n }),
    pooling: fromZero,
  },
};
