import type { MistakeDefinition } from 'neurograde/kit';

export const sigmoidOverflow: MistakeDefinition = {
  id: 'rnn-sigmoid-overflow',
  title: { fr: 'Sigmoïde qui déborde (NaN pour les grands x)', en: 'Sigmoid that overflows (NaN for large x)' },
  explanation: {
    fr: 'e^x / (1 + e^x) vaut mathématiquement 1 / (1 + e^-x), mais Math.exp(x) vaut Infinity dès x > 709 environ, et Infinity / Infinity donne NaN. La forme du cours, 1 / (1 + e^-x), donne 1 / (1 + 0) = 1 ou 1 / Infinity = 0 : pas de NaN.',
    en: 'e^x / (1 + e^x) equals 1 / (1 + e^-x) on paper, but Math.exp(x) is Infinity past x ~ 709, and Infinity / Infinity is NaN. The notes\u2019 form, 1 / (1 + e^-x), gives 1 / (1 + 0) = 1 or 1 / Infinity = 0: no NaN.',
  },
  hint: { fr: 'Écrivez 1 / (1 + Math.exp(-x)).', en: 'Write 1 / (1 + Math.exp(-x)).' },
  overrides: { sigmoid: (x: number): number => Math.exp(x) / (1 + Math.exp(x)) },
};
