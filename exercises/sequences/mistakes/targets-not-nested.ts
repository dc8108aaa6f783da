import type { MistakeDefinition } from 'neurograde/kit';
import { windowQuirk } from './quirks.js';

export const targetsNotNested: MistakeDefinition = {
  id: 'window-y-not-nested',
  title: { fr: 'Y est une liste de nombres, pas de lignes à une valeur', en: 'Y is a list of numbers, not of one-value rows' },
  explanation: {
    fr: "Le cours construit Y de forme (94, 1) : une ligne par fenêtre, une seule valeur par ligne, la forme qu'attend une couche Dense(1) en sortie. Votre Y est plat, de forme (94,) : les bonnes valeurs, mais une dimension de moins.",
    en: 'The notes build Y with shape (94, 1): one row per window, one value per row, the shape a Dense(1) output expects. Your Y is flat, shape (94,): the right values, one dimension short.',
  },
  hint: { fr: 'Y.push([series[i + s]]) plutôt que Y.push(series[i + s]).', en: 'Y.push([series[i + s]]) rather than Y.push(series[i + s]).' },
  ...windowQuirk({ notNested: true }),
};
