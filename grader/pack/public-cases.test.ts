import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExercise } from '../load/exercises.js';
import type { Exercise } from '../load/exercise.js';
import { packCheck } from './public-cases.js';
import { PACKAGE_ROOT } from '../io/package.js';

describe('packCheck', () => {
  // Regression: decodeValue reuses the arrays it is given, and the dry runs decode the expected
  // outputs again and again; the pack must still ship them in wire form, NaN as its tag.
  it('ships the expected outputs in wire form after every dry run decoded them', async () => {
    const image = await loadExercise({ exercisesDir: join(PACKAGE_ROOT, 'exercises'), referenceDir: join(PACKAGE_ROOT, 'reference') }, 'image');
    const sobel = image.reference.sobel as (g: number[][]) => number[][];
    const withNaN: Exercise = {
      ...image,
      reference: {
        ...image.reference,
        sobel: (g: number[][]) => {
          const r = sobel(g);
          r[0]![0] = NaN;
          return r;
        },
      },
    };
    const check = image.checks.find((c) => c.id === 'sobel-notes-image')!;
    const packed = await packCheck(withNaN, check, { seed: 20261127, lang: 'en' });
    const small = packed?.cases[0]?.expected[0] as unknown[][] | undefined;
    expect(small?.[0]?.[0]).toEqual({ $nf: 'NaN' });
    expect(JSON.stringify(packed!.cases[1]!.expected)).toContain('$f64');
  });
});
