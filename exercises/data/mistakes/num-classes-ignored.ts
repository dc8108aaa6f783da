import type { MistakeDefinition } from 'neurograde/kit';
import { oneHotQuirk } from './quirks.js';

export const numClassesIgnored: MistakeDefinition = {
  id: 'onehot-num-classes-ignored',
  title: { fr: 'numClasses ignoré', en: 'numClasses ignored' },
  explanation: {
    fr: "Quand numClasses est donné, chaque ligne doit avoir numClasses colonnes, même si les plus grandes classes n'apparaissent pas dans ce lot d'étiquettes (un lot de test sans aucun 9 a toujours 10 classes). Votre code prend toujours max(labels) + 1.",
    en: 'When numClasses is given, every row must have numClasses columns, even if the highest classes do not appear in this batch of labels (a test batch without any 9 still has 10 classes). Your code always takes max(labels) + 1.',
  },
  hint: { fr: 'const n = numClasses ?? max(labels) + 1.', en: 'const n = numClasses ?? max(labels) + 1.' },
  ...oneHotQuirk({ numClassesIgnored: true }),
};
