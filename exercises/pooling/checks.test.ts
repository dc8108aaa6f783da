import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../grader/diagnose/diagnose.js';
import { fakeContext } from '../../grader/kit/fake-context.js';
import type { CheckContext, CheckVerdict } from '../../grader/model/check.js';
import type { Manifest } from '../../grader/model/manifest.js';
import * as reference from '../../reference/pooling.js';
import { syntheticGray } from '../image/checks/synthetic-image.js';
import { checks } from './checks/index.js';
import { mistakes } from './mistakes/index.js';

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, 'exercise.json'), 'utf8')) as Manifest;
const context = (student: Record<string, unknown>): CheckContext => ({ ...fakeContext({ reference, student, seed: 20261127 }), tolerance: manifest.tolerance });
const run = (checkId: string, student: Record<string, unknown>): Promise<CheckVerdict> => checks.find((c) => c.id === checkId)!.run(context(student));
const variant = (mistakeId: string) => ({ ...reference, ...mistakes.find((m) => m.id === mistakeId)!.overrides });

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
    const verdict = await run(checkId, variant(mistakeId));
    expect(verdict.status).toBe('failed');
    const observations = verdict.status === 'failed' ? (verdict.observations ?? []) : [];
    expect(diagnose({ reference, mistakes, observations, tolerance: manifest.tolerance })?.id).toBe(mistakeId);
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
