import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as reference from '../../reference/convolution.js';
import { exerciseHarness } from '../support/exercise-harness.js';
import { checks } from '../../exercises/convolution/checks/index.js';
import { mistakes } from '../../exercises/convolution/mistakes/index.js';
import { notesConvol } from '../../exercises/convolution/mistakes/notes-convol.js';

const { manifest, run, variant, diagnosisOf } = exerciseHarness({ dir: join(import.meta.dirname, '..', '..', 'exercises', 'convolution'), reference, checks, mistakes });

describe('convolution checks', () => {
  it('declares exactly the checks it defines, about 10 points', () => {
    expect(Object.keys(manifest.checks).sort()).toEqual(checks.map((c) => c.id).sort());
    expect(Object.values(manifest.checks).reduce((s, c) => s + c.points, 0)).toBe(10);
  });

  it.each(checks.map((c) => c.id))('the reference passes %s', async (id) => {
    expect(await run(id, reference)).toEqual({ status: 'passed' });
  });

  // Where each mistake is caught and named; the other checks may pass or name it too.
  it.each([
    ['conv-flipped-kernel', 'notes-kernels'],
    ['conv-output-shifted', 'notes-kernels'],
    ['conv-output-size-n-k-1', 'notes-5x5-kernel'],
    ['conv-rows-cols-swapped', 'notes-kernels'],
    ['conv-stride-ignored', 'stride'],
    ['conv-padding-ignored', 'padding'],
    ['conv-padding-one-side', 'padding'],
    ['conv-stride-ignored', 'property'],
    ['conv-output-size-n-k-1', 'property'],
  ])('%s fails %s and is diagnosed by name', async (mistakeId, checkId) => {
    expect(await diagnosisOf(checkId, variant(mistakeId))).toEqual({ status: 'failed', diagnosis: mistakeId });
  });

  it.each([
    ['conv-stride-ignored', ['notes-kernels', 'notes-5x5-kernel', 'padding', 'edge-cases']],
    ['conv-padding-ignored', ['notes-kernels', 'notes-5x5-kernel', 'edge-cases']],
  ])('%s keeps the points of the checks without that option', async (mistakeId, passing) => {
    for (const id of passing) expect(await run(id, variant(mistakeId)), id).toEqual({ status: 'passed' });
  });

  it("models the notes' convol: r[i, j] from i = k, first row and column left at 0", () => {
    const img = [
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10, 11, 12],
      [13, 14, 15, 16],
    ];
    const kernel = [
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ];
    // The valid output is [[6, 7], [10, 11]]; range(1, 2) writes only r[1][1], from the patch at (0, 0).
    expect(notesConvol(img, kernel, 'centre')).toEqual([
      [0, 0],
      [0, 6],
    ]);
    expect(notesConvol(img, kernel, 'corner')).toEqual([
      [6, 0],
      [0, 0],
    ]);
  });
});
