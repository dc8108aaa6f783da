import type { MistakeDefinition } from 'neurograde/kit';
import { rnnQuirk } from './quirks.js';

export const statesAliased: MistakeDefinition = {
  id: 'rnn-states-aliased',
  title: { fr: 'Le même tableau ajouté à chaque pas', en: 'The same array pushed at every step' },
  explanation: {
    fr: "forwardSequence ajoute h à la liste des états à chaque pas, puis modifie ce même tableau au pas suivant : en JavaScript, states.push(h) range une référence, pas une copie. Toutes les lignes finissent égales au dernier état.",
    en: 'forwardSequence pushes h to the list of states at every step, then changes that same array at the next step: in JavaScript, states.push(h) stores a reference, not a copy. Every row ends up equal to the last state.',
  },
  hint: { fr: 'Créez un nouveau tableau à chaque pas (h = next), ou poussez une copie : states.push([...h]).', en: 'Build a new array at every step (h = next), or push a copy: states.push([...h]).' },
  ...rnnQuirk({ statesAliased: true }),
};
