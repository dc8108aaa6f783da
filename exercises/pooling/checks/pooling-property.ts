import fc from 'fast-check';
import { propertyCheck, call } from 'neurograde/kit';

const arbitrary = fc
  .record({
    h: fc.integer({ min: 1, max: 7 }),
    w: fc.integer({ min: 1, max: 7 }),
    size: fc.integer({ min: 1, max: 3 }),
    stride: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    mode: fc.constantFrom(undefined, 'max' as const, 'mean' as const, 'l2' as const),
  })
  .filter(({ h, w, size }) => size <= h && size <= w)
  .chain(({ h, w, size, stride, mode }) =>
    fc.record({
      img: fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: w, maxLength: w }), { minLength: h, maxLength: h }),
      options: fc.constant({ size, ...(stride === undefined ? {} : { stride }), ...(mode === undefined ? {} : { mode }) }),
    }),
  );

/** Any small image and window: the answer must equal the reference's; a failure is shrunk. */
export const poolingProperty = propertyCheck({
  id: 'pooling-property',
  title: { fr: 'Propriété : toute petite image', en: 'Property: any small image' },
  arbitrary,
  numRuns: 40,
  toCase: ({ img, options }) => ({ steps: [call('pooling', img, options)], input: { img, options } }),
});
