import fc from 'fast-check';
import { propertyCheck } from 'neurograde/kit';
import { convCase } from './conv-case.js';

const matrix = (h: number, w: number): fc.Arbitrary<number[][]> =>
  fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: w, maxLength: w }), { minLength: h, maxLength: h });

/**
 * Images of 4x4 to 7x7, kernels of 2-3 rows and 1-3 columns that fit the unpadded image, strides
 * 1-2, paddings 0-1. One-row kernels and kernels wider than the image are the edge cases' job:
 * there several mistakes give the same answer, and diagnosis needs answers that tell them apart.
 */
const arbitrary = fc
  .record({
    h: fc.integer({ min: 4, max: 7 }),
    w: fc.integer({ min: 4, max: 7 }),
    kh: fc.integer({ min: 2, max: 3 }),
    kw: fc.integer({ min: 1, max: 3 }),
    stride: fc.integer({ min: 1, max: 2 }),
    padding: fc.integer({ min: 0, max: 1 }),
  })
  .chain(({ h, w, kh, kw, stride, padding }) =>
    fc.record({ img: matrix(h, w), kernel: matrix(kh, kw), options: fc.constant({ stride, padding }) }),
  );

/** Any small image and kernel: the answer must equal the reference's; a failure is shrunk. */
export const property = propertyCheck({
  id: 'property',
  title: { fr: 'Propriété : toute petite image', en: 'Property: any small image' },
  arbitrary,
  numRuns: 40,
  toCase: ({ img, kernel, options }) => {
    const { id: _, ...spec } = convCase('property', img, kernel, options);
    return spec;
  },
});
