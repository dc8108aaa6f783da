import type { MistakeDefinition } from 'neurograde/kit';

export const grayRounded: MistakeDefinition = {
  id: 'gray-rounded',
  title: { fr: 'Niveau de gris arrondi au lieu de tronqué', en: 'Grey level rounded instead of truncated' },
  explanation: {
    fr: "Le cours écrit np.average(img, axis=2).astype(int) : astype(int) tronque vers zéro, il n'arrondit pas. Une moyenne de 85,67 donne 85, pas 86.",
    en: 'The notes write np.average(img, axis=2).astype(int): astype(int) truncates toward zero, it does not round. A mean of 85.67 gives 85, not 86.',
  },
  hint: { fr: 'Utilisez Math.trunc, pas Math.round.', en: 'Use Math.trunc, not Math.round.' },
  overrides: {
    // `+ 0` as the reference: Math.round(-0.3) is -0, which a student's JSON answer cannot carry.
    toGrayscale: (rgb: number[][][]): number[][] => rgb.map((row) => row.map((px) => Math.round((px[0] + px[1] + px[2]) / 3) + 0)),
  },
};
