import { casesCheck } from 'neurograde/kit';
import { layerCase, NOTES_LAYER, type LayerSpec } from './layer.js';

const ONE_UNIT: LayerSpec = { activation: 'tanh', Wx: [[0.7], [-0.4]], Wy: [[0.9]], b: [0.2] };
const ONE_INPUT: LayerSpec = { activation: 'identity', Wx: [[0.5, -1]], Wy: [[0.5, 0.25], [-0.75, 0.1]], b: [-0.3, 0.4] };

/** Small and unusual layers: a single step, a single unit, a single input, negative inputs. */
export const edgeCases = casesCheck({
  id: 'edge-cases',
  title: { fr: 'Cas limites : T = 1, un seul neurone, entrées négatives', en: 'Edge cases: T = 1, a single unit, negative inputs' },
  cases: () => [
    layerCase({ en: 'a sequence of length 1 (T = 1)', fr: 'une séquence de longueur 1 (T = 1)' }, NOTES_LAYER, 'forward', [[1, 2]]),
    layerCase({ en: 'T = 1, forwardSequence gives one state', fr: 'T = 1, forwardSequence donne un seul état' }, NOTES_LAYER, 'forwardSequence', [[-1, 3]]),
    layerCase({ en: 'a single unit (nUnits = 1), tanh', fr: 'une seule unité (nUnits = 1), tanh' }, ONE_UNIT, 'forward', [[1, -2], [0.5, 0.5], [-1, 1]]),
    layerCase({ en: 'a single input (inputSize = 1), identity', fr: 'une seule entrée (inputSize = 1), identité' }, ONE_INPUT, 'forwardSequence', [[1], [-2], [3]]),
    layerCase({ en: 'negative inputs, relu (some units stay at 0)', fr: 'entrées négatives, relu (des unités restent à 0)' }, { ...NOTES_LAYER, activation: 'relu' }, 'forwardSequence', [[-1, -1], [-2, 1], [1, -3], [0.5, 0.5]]),
    layerCase({ en: 'zero inputs: only the bias and the recurrence act', fr: 'entrées nulles : seuls le biais et la récurrence agissent' }, { ...NOTES_LAYER, activation: 'identity' }, 'forward', [[0, 0], [0, 0], [0, 0]]),
  ],
});
