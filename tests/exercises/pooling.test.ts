import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as reference from '../../reference/pooling.js';
import { syntheticGray } from '../../exercises/image/checks/synthetic-image.js';
import { exerciseHarness } from '../support/exercise-harness.js';
import { checks } from '../../exercises/pooling/checks/index.js';
import { mistakes } from '../../exercises/pooling/mistakes/index.js';

const { manifest, run, variant, diagnosisOf } = exerciseHarness({ dir: join(import.meta.dirname, '..', '..', 'exercises', 'pooling'), reference, checks, mistakes });

describe('pooling checks', () => {
  it('declares exactly the checks it defines, about 10 points', () => {
    expect(Object.keys(manifest.checks).sort()).toEqual(checks.map((c) => c.id).sort());
    expect(Object.values(manifest.checks).reduce((s, c) => s + c.points, 0)).toBe(10);
  });

  it("pools the notes' (168, 300) image into (42, 75)", () => {
    const m = reference.maxpooling(syntheticGray(), 4);
    expect([m.length, m[0]!.length]).toEqual([42, 75]);
  });

  it.each(checks.map((c) => c.id))('the reference passes %s', async (id) => {
    expect(await run(id, reference)).toEqual({ status: 'passed' });
  });

  it.each([
    ['pool-mean-instead-of-max', 'maxpooling-notes'],
    ['pool-overlapping-windows', 'maxpooling-notes'],
    ['pool-remainder-padded', 'maxpooling-remainders'],
    ['pool-l2-no-sqrt', 'pooling-modes'],
    ['pool-mean-instead-of-max', 'pooling-stride'],
    ['pool-overlapping-windows', 'pooling-property'],
  ])('%s fails %s and is diagnosed by name', async (mistakeId, checkId) => {
    expect(await diagnosisOf(checkId, variant(mistakeId))).toEqual({ status: 'failed', diagnosis: mistakeId });
  });

  it.each([
    ['pool-l2-no-sqrt', ['maxpooling-notes', 'maxpooling-remainders', 'pooling-stride']],
    ['pool-remainder-padded', ['maxpooling-notes', 'pooling-modes']],
    ['pool-mean-instead-of-max', ['pooling-modes']],
  ])('%s keeps the points of the checks it gets right', async (mistakeId, passing) => {
    for (const id of passing) expect(await run(id, variant(mistakeId)), id).toEqual({ status: 'passed' });
  });

  it('a max that starts from 0 passes on non-negative images but fails the edge cases (negative values)', async () => {
    const fromZero = {
      ...reference,
      maxpooling: (img: number[][], n: number) => (reference.maxpooling(img, n) as number[][]).map((row) => row.map((v) => Math.max(0, v))),
    };
    expect((await run('pooling-edge-cases', fromZero)).status).toBe('failed');
    expect(await run('maxpooling-remainders', fromZero)).toEqual({ status: 'passed' });
  });
});
