import fc from 'fast-check';
import { propertyCheck, type BuiltinName } from 'neurograde/kit';
import { layerCase, type LayerSpec } from './layer.js';

// Quarter steps keep a shrunk counterexample readable: 0.25, -0.5, 1...
const weight = fc.integer({ min: -8, max: 8 }).map((k) => k / 4);
const matrix = (rows: number, cols: number) => fc.array(fc.array(weight, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

const arbitrary = fc
  .record({ nUnits: fc.integer({ min: 1, max: 3 }), inputSize: fc.integer({ min: 1, max: 3 }), T: fc.integer({ min: 1, max: 4 }) })
  .chain(({ nUnits, inputSize, T }) =>
    fc.record({
      activation: fc.constantFrom<BuiltinName>('identity', 'tanh', 'relu', 'sigmoid'),
      Wx: matrix(inputSize, nUnits),
      Wy: matrix(nUnits, nUnits),
      b: fc.array(weight, { minLength: nUnits, maxLength: nUnits }),
      X: matrix(T, inputSize),
    }),
  );

/** Any small layer and sequence: the final state must be the reference's. */
export const forwardProperty = propertyCheck({
  id: 'forward-property',
  title: { fr: 'forward pour toute petite couche', en: 'forward for any small layer' },
  arbitrary,
  numRuns: 40,
  toCase: ({ X, ...layer }: LayerSpec & { X: number[][] }) => {
    const { id: _, ...spec } = layerCase('', layer, 'forward', X);
    return spec;
  },
});
