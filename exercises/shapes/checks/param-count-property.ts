import fc from 'fast-check';
import { propertyCheck, call } from 'neurograde/kit';

const size = fc.integer({ min: 1, max: 512 });

/** Any layer size: the three counts must match the formulas. */
export const paramCountProperty = propertyCheck({
  id: 'param-count-property',
  title: { fr: 'Nombres de paramètres pour toute taille', en: 'Parameter counts for any size' },
  arbitrary: fc.tuple(fc.integer({ min: 1, max: 11 }), size, size, size),
  toCase: ([F, D, K, units]) => ({
    steps: [call('convParamCount', F, D, K), call('denseParamCount', D, units), call('simpleRnnParamCount', D, units)],
    input: { F, D, K, units },
  }),
});
