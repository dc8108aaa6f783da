import type { MistakeDefinition } from 'neurograde/kit';

export const normalizedByMax: MistakeDefinition = {
  id: 'normalize-by-max',
  title: { fr: 'Divisé par le maximum de l\u2019image au lieu de 255', en: 'Divided by the image\u2019s maximum instead of 255' },
  explanation: {
    fr: 'Les pixels sont codés sur 8 bits, de 0 à 255 : le cours divise toujours par 255 (train_X / 255). Diviser par le maximum de l\u2019image étire chaque image différemment (une image sombre devient aussi claire qu\u2019une autre) et une image toute noire donne 0 / 0 = NaN.',
    en: 'Pixels are 8-bit values, 0 to 255: the notes always divide by 255 (train_X / 255). Dividing by the image\u2019s maximum stretches each image differently (a dark image becomes as bright as any other) and an all-black image gives 0 / 0 = NaN.',
  },
  hint: { fr: 'Divisez par la constante 255, pas par Math.max(...).', en: 'Divide by the constant 255, not by Math.max(...).' },
  overrides: {
    normalize: (pixels: number[][]): number[][] => {
      const max = pixels.reduce((m, row) => row.reduce((a, v) => Math.max(a, v), m), -Infinity);
      return pixels.map((row) => row.map((v) => v / max));
    },
  },
};
