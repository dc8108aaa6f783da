import type { MistakeDefinition } from 'neurograde/kit';

export const normalizedMinMax: MistakeDefinition = {
  id: 'normalize-min-max',
  title: { fr: 'Mise à l’échelle min-max au lieu de / 255', en: 'Min-max scaling instead of / 255' },
  explanation: {
    fr: "Le cours normalise par une constante : train_X / 255, la même pour toutes les images. Votre code étire chaque image entre son minimum et son maximum, (v - min) / (max - min) : une image sombre ou peu contrastée change de valeurs, et deux images ne sont plus comparables.",
    en: 'The notes normalise by a constant: train_X / 255, the same for every image. Your code stretches each image between its own minimum and maximum, (v - min) / (max - min): a dark or low-contrast image changes values, and two images are no longer comparable.',
  },
  hint: { fr: 'v / 255, sans min ni max.', en: 'v / 255, no min nor max.' },
  overrides: {
    normalize: (pixels: number[][]): number[][] => {
      let lo = Infinity;
      let hi = -Infinity;
      for (const row of pixels) for (const v of row) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      return pixels.map((row) => row.map((v) => (hi === lo ? 0 : (v - lo) / (hi - lo))));
    },
  },
};
