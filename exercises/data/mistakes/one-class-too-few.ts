import type { MistakeDefinition } from 'neurograde/kit';
import { oneHotQuirk } from './quirks.js';

export const oneClassTooFew: MistakeDefinition = {
  id: 'onehot-one-class-too-few',
  title: { fr: 'Une classe de moins : max(labels) au lieu de max(labels) + 1', en: 'One class too few: max(labels) instead of max(labels) + 1' },
  explanation: {
    fr: 'Les classes sont numérotées à partir de 0 : des étiquettes 0..9 font 10 classes, donc 10 colonnes (to_categorical prend max + 1). Avec max(labels) colonnes, la plus grande classe n\u2019a plus de colonne et son vecteur one-hot est tout à zéro.',
    en: 'Classes are numbered from 0: labels 0..9 make 10 classes, hence 10 columns (to_categorical takes max + 1). With max(labels) columns the largest class has no column left and its one-hot vector is all zeros.',
  },
  hint: { fr: 'Quand numClasses n\u2019est pas donné, prenez max(labels) + 1.', en: 'When numClasses is not given, take max(labels) + 1.' },
  ...oneHotQuirk({ oneClassTooFew: true }),
  // The same width with `row = new Array(n).fill(0); row[label] = 1`: the row of the highest label
  // grows by one, so that answer is ragged instead of missing its 1.
  forms: [
    {
      toCategorical: (labels: number[], numClasses?: number): number[][] => {
        const n = numClasses ?? labels.reduce((m, l) => Math.max(m, l), 0);
        return labels.map((label) => {
          const row = new Array<number>(n).fill(0);
          row[label] = 1;
          return row;
        });
      },
    },
  ],
};
