import { casesCheck, type BuiltinName } from 'neurograde/kit';
import { layerCase, randomLayer } from './layer.js';

const ACTIVATIONS: readonly BuiltinName[] = ['sigmoid', 'tanh', 'relu', 'identity'];

/** Seeded random layers and sequences, alternately through `forward` and `forwardSequence`. */
export const randomLayers = casesCheck({
  id: 'random-layers',
  title: { fr: 'Couches et séquences tirées au hasard', en: 'Random layers and sequences' },
  cases: (rng) =>
    Array.from({ length: 10 }, (_, i) => {
      const nUnits = rng.int(1, 6);
      const inputSize = rng.int(1, 4);
      const T = rng.int(1, 8);
      const layer = randomLayer(rng, { nUnits, inputSize, activation: ACTIVATIONS[i % ACTIVATIONS.length]! });
      const method = i % 2 === 0 ? 'forward' : 'forwardSequence';
      return layerCase({ en: `#${i}: ${nUnits} units, ${inputSize} inputs, T = ${T}`, fr: `n° ${i} : ${nUnits} unités, ${inputSize} entrées, T = ${T}` }, layer, method, rng.floatMatrix(T, inputSize, -2, 2));
    }),
});
