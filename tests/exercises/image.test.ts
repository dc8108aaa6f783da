import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as reference from '../../reference/image.js';
import { exerciseHarness } from '../support/exercise-harness.js';
import { checks } from '../../exercises/image/checks/index.js';
import { NOTES_HEIGHT, NOTES_WIDTH, syntheticGray, syntheticImage } from '../../exercises/image/checks/synthetic-image.js';
import { mistakes } from '../../exercises/image/mistakes/index.js';

const { manifest, run, variant, diagnosisOf } = exerciseHarness({ dir: join(import.meta.dirname, '..', '..', 'exercises', 'image'), reference, checks, mistakes });

describe('the koala stand-in', () => {
  it("has the notes' shape (168, 300, 3), integer channels in 0..255, and is the same on every call", () => {
    const img = syntheticImage();
    expect([img.length, img[0]!.length, img[0]![0]!.length]).toEqual([NOTES_HEIGHT, NOTES_WIDTH, 3]);
    expect(img.flat(2).every((v) => Number.isInteger(v) && v >= 0 && v <= 255)).toBe(true);
    expect(syntheticImage()).toEqual(img);
  });

  it('has edges for Sobel to find and fractional channel means for the truncation to matter', () => {
    const edges = reference.sobel(syntheticGray()).flat();
    expect(edges.filter((v) => v > 0.5).length).toBeGreaterThan(200);
    const fractional = syntheticImage(12, 16).flat().filter(([r, g, b]) => (r! + g! + b!) % 3 === 2);
    expect(fractional.length).toBeGreaterThan(10);
  });
});

describe('image checks', () => {
  it('declares exactly the checks it defines, about 10 points', () => {
    expect(Object.keys(manifest.checks).sort()).toEqual(checks.map((c) => c.id).sort());
    expect(Object.values(manifest.checks).reduce((s, c) => s + c.points, 0)).toBe(10);
  });

  it.each(checks.map((c) => c.id))('the reference passes %s', async (id) => {
    expect(await run(id, reference)).toEqual({ status: 'passed' });
  });

  it.each([
    ['gray-rounded', 'grayscale-notes-image'],
    ['sobel-not-normalised', 'sobel-notes-image'],
    ['sobel-only-gx', 'sobel-edges'],
    ['sobel-abs-sum', 'sobel-notes-image'],
    ['sobel-shifted-convol', 'sobel-edges'],
    ['sobel-abs-sum', 'sobel-property'],
  ])('%s fails %s and is diagnosed by name', async (mistakeId, checkId) => {
    expect(await diagnosisOf(checkId, variant(mistakeId))).toEqual({ status: 'failed', diagnosis: mistakeId });
  });

  it('grey levels are integers: a mean kept as a float fails, even within the float tolerance', async () => {
    const floats = { ...reference, toGrayscale: (rgb: number[][][]) => rgb.map((row) => row.map((p) => (p[0]! + p[1]! + p[2]!) / 3)) };
    expect((await run('grayscale-notes-image', floats)).status).toBe('failed');
  });

  it('a flat image must give zeros, not the NaN of 0 / 0', async () => {
    const unguarded = {
      ...reference,
      sobel: (gray: number[][]) => {
        const r = (reference.sobel as (g: number[][]) => number[][])(gray);
        return r.every((row) => row.every((v) => v === 0)) ? r.map((row) => row.map(() => NaN)) : r;
      },
    };
    const verdict = await run('sobel-edges', unguarded);
    expect(verdict).toMatchObject({ status: 'failed', evidence: { caseId: 'flat image: no edge, all zeros' } });
  });
});
