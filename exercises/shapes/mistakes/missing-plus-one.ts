import type { MistakeDefinition } from 'neurograde/kit';
import { shapeQuirk } from './quirks.js';

export const missingPlusOne: MistakeDefinition = {
  id: 'shape-missing-plus-one',
  title: { fr: 'Le « + 1 » oublié', en: 'The "+ 1" is missing' },
  explanation: {
    fr: "La taille de sortie compte les positions du filtre : (W - F + 2P) / S pas, plus la première position. Sans le « + 1 », chaque dimension est trop petite d'une unité.",
    en: 'The output size counts the filter positions: (W - F + 2P) / S steps, plus the first position. Without the "+ 1" every size is one short.',
  },
  hint: { fr: 'Essayez W = F, P = 0 : le filtre tient une fois, la sortie doit valoir 1.', en: 'Try W = F and P = 0: the filter fits once, so the output must be 1.' },
  ...shapeQuirk({ rounding: 'no-plus-one' }, ['convOutputShape', 'poolOutputShape']),
};
