import fc from 'fast-check';
import { propertyCheck } from 'neurograde/kit';
import { sobelCase } from './image-case.js';

const arbitrary = fc
  .record({ h: fc.integer({ min: 3, max: 6 }), w: fc.integer({ min: 3, max: 6 }) })
  .chain(({ h, w }) => fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: w, maxLength: w }), { minLength: h, maxLength: h }));

/** Any small grey-level image: the answer must equal the reference's; a failure is shrunk. */
export const sobelProperty = propertyCheck({
  id: 'sobel-property',
  title: { fr: 'Propriété : toute petite image', en: 'Property: any small image' },
  arbitrary,
  numRuns: 40,
  toCase: (gray) => {
    const { id: _, ...spec } = sobelCase('property', gray);
    return spec;
  },
});
