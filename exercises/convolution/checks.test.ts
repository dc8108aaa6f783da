import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../grader/diagnose/diagnose.js';
import { fakeContext } from '../../grader/kit/fake-context.js';
import type { CheckContext, CheckVerdict } from '../../grader/model/check.js';
import type { Manifest } from '../../grader/model/manifest.js';
import * as reference from '../../reference/convolution.js';
import { checks } from './checks/index.js';
import { mistakes } from './mistakes/index.js';
import { notesConvol } from './mistakes/notes-convol.js';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, 'exercise.json'), 'utf8')) as Manifest;
const context = (student: Record<string, unknown>): CheckContext => ({ ...fakeContext({ reference, student, seed: 20261127 }), tolerance: manifest.tolerance });
const run = (checkId: string, student: Record<string, unknown>): Promise<CheckVerdict> => checks.find((c) => c.id === checkId)!.run(context(student));
const variant = (mistakeId: string) => ({ ...reference, ...mistakes.find((m) => m.id === mistakeId)!.overrides });

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
    const verdict = await run(checkId, variant(mistakeId));
    expect(verdict.status).toBe('failed');
    const observations = verdict.status === 'failed' ? (verdict.observations ?? []) : [];
    expect(diagnose({ reference, mistakes, observations, tolerance: manifest.tolerance })?.id).toBe(mistakeId);
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
