import { casesCheck } from 'neurograde/kit';
import { layerCase, NOTES_LAYER, type LayerSpec } from './layer.js';

const ONE_UNIT: LayerSpec = { activation: 'tanh', Wx: [[0.7], [-0.4]], Wy: [[0.9]], b: [0.2] };
const ONE_INPUT: LayerSpec = { activation: 'identity', Wx: [[0.5, -1]], Wy: [[0.5, 0.25], [-0.75, 0.1]], b: [-0.3, 0.4] };

/** Small and unusual layers: a single step, a single unit, a single input, negative inputs. */
export const edgeCases = casesCheck({
  id: 'edge-cases',
  title: { fr: 'Cas limites : T = 1, un seul neurone, entrées négatives', en: 'Edge cases: T = 1, a single unit, negative inputs' },
  cases: () => [
    layerCase('a sequence of length 1 (T = 1)', NOTES_LAYER, 'forward', [[1, 2]]),
    layerCase('T = 1, forwardSequence gives one state', NOTES_LAYER, 'forwardSequence', [[-1, 3]]),
    layerCase('a single unit (nUnits = 1), tanh', ONE_UNIT, 'forward', [[1, -2], [0.5, 0.5], [-1, 1]]),
    layerCase('a single input (inputSize = 1), identity', ONE_INPUT, 'forwardSequence', [[1], [-2], [3]]),
    layerCase('negative inputs, relu (some units stay at 0)', { ...NOTES_LAYER, activation: 'relu' }, 'forwardSequence', [[-1, -1], [-2, 1], [1, -3], [0.5, 0.5]]),
    layerCase('zero inputs: only the bias and the recurrence act', { ...NOTES_LAYER, activation: 'identity' }, 'forward', [[0, 0], [0, 0], [0, 0]]),
  ],
});
