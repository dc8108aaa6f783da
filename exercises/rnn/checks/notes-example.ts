import { casesCheck } from 'neurograde/kit';
import { layerCase, NOTES_LAYER, NOTES_X } from './layer.js';

/** The notes' example: `RnnLayer(3, 2, sigmoid)` on `[[1,1],[1,2],[1,3],[1,2],[1,3]]`, fixed weights. */
export const notesExample = casesCheck({
  id: 'notes-example',
  title: { fr: "L'exemple du cours : 3 neurones, sigmoïde, X de forme (5, 2)", en: "The notes' example: 3 units, sigmoid, X of shape (5, 2)" },
  cases: () => [
    layerCase({ en: 'forward: final state of the notes\u2019 sequence', fr: 'forward : état final de la séquence du cours' }, NOTES_LAYER, 'forward', NOTES_X),
    layerCase({ en: 'forwardSequence: the 5 states of the notes\u2019 sequence', fr: 'forwardSequence : les 5 états de la séquence du cours' }, NOTES_LAYER, 'forwardSequence', NOTES_X),
  ],
});
