import { casesCheck } from 'neurograde/kit';
import { layerCase, NOTES_LAYER, NOTES_X, randomLayer } from './layer.js';

/** `forwardSequence` returns every state, T x nUnits, for each activation a case can pass. */
export const forwardSequence = casesCheck({
  id: 'forward-sequence',
  title: { fr: 'forwardSequence renvoie les T états', en: 'forwardSequence returns the T states' },
  cases: (rng) => [
    layerCase({ en: 'tanh, the notes\u2019 weights', fr: 'tanh, les poids du cours' }, { ...NOTES_LAYER, activation: 'tanh' }, 'forwardSequence', NOTES_X),
    layerCase({ en: 'relu, 4 units, 3 inputs, T = 6', fr: 'relu, 4 unités, 3 entrées, T = 6' }, randomLayer(rng, { nUnits: 4, inputSize: 3, activation: 'relu' }), 'forwardSequence', rng.floatMatrix(6, 3, -2, 2)),
    layerCase({ en: 'identity, 2 units, 2 inputs, T = 4', fr: 'identité, 2 unités, 2 entrées, T = 4' }, randomLayer(rng, { nUnits: 2, inputSize: 2, activation: 'identity' }), 'forwardSequence', rng.floatMatrix(4, 2, -1, 1)),
    layerCase({ en: 'sigmoid, 5 units, 1 input, T = 7', fr: 'sigmoïde, 5 unités, 1 entrée, T = 7' }, randomLayer(rng, { nUnits: 5, inputSize: 1, activation: 'sigmoid' }), 'forwardSequence', rng.floatMatrix(7, 1, -3, 3)),
  ],
});
