import type { MistakeDefinition } from 'neurograde/kit';

export const normalizedBy256: MistakeDefinition = {
  id: 'normalize-by-256',
  title: { fr: 'Divisé par 256 au lieu de 255', en: 'Divided by 256 instead of 255' },
  explanation: {
    fr: "Un pixel 8 bits prend 256 valeurs, de 0 à 255 : le plus clair vaut 255. Le cours divise par 255 (train_X / 255) pour que ce pixel donne exactement 1. Divisé par 256, il donne 0,996 et toutes les valeurs sont 255/256 de l'attendue.",
    en: 'An 8-bit pixel takes 256 values, from 0 to 255: the brightest is 255. The notes divide by 255 (train_X / 255) so that this pixel gives exactly 1. Divided by 256 it gives 0.996, and every value is 255/256 of the expected one.',
  },
  hint: { fr: 'v / 255.', en: 'v / 255.' },
  overrides: { normalize: (pixels: number[][]): number[][] => pixels.map((row) => row.map((v) => v / 256)) },
};
