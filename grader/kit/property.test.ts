import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeContext } from './fake-context.js';
import { propertyCheck } from './property.js';
import { call } from './steps.js';

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
// Wrong only when the list has a value above 50: the smallest failing input is [51].
const buggySum = (xs: number[]): number => xs.reduce((a, b) => a + (b > 50 ? 0 : b), 0);

const check = propertyCheck({
  id: 'sum-property',
  title: { en: 'Sum of any list', fr: 'Somme de toute liste' },
  arbitrary: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 20 }),
  toCase: (xs) => ({ steps: [call('sum', xs)], input: { xs } }),
  numRuns: 100,
});

describe('propertyCheck', () => {
  it('passes a correct implementation', async () => {
    expect(await check.run(fakeContext({ reference: { sum }, student: { sum } }))).toEqual({ status: 'passed' });
  });

  it('reports the shrunk counterexample: the smallest input, expected and obtained', async () => {
    const verdict = await check.run(fakeContext({ reference: { sum }, student: { sum: buggySum } }));
    expect(verdict).toMatchObject({
      status: 'failed',
      evidence: { input: { xs: [51] }, expected: 51, got: 0, shrunk: true },
      message: expect.stringMatching(/Expected the output to be 51, but got 0\. \(found after \d+ random inputs, shrunk/),
    });
  });

  it('is reproducible: the same seed gives the same verdict', async () => {
    const a = await check.run(fakeContext({ reference: { sum }, student: { sum: buggySum }, seed: 7 }));
    const b = await check.run(fakeContext({ reference: { sum }, student: { sum: buggySum }, seed: 7 }));
    expect(a).toEqual(b);
  });

  it('hands every answered input to the diagnosis, not only the shrunk counterexample', async () => {
    const verdict = await check.run(fakeContext({ reference: { sum }, student: { sum: buggySum } }));
    const observations = verdict.status === 'failed' ? (verdict.observations ?? []) : [];
    // The shrunk [51] alone would also be reproduced by a sum that drops every value: the first
    // failing input, with its other values, tells the two apart.
    expect(observations.length).toBeGreaterThan(1);
    const input = (o: (typeof observations)[number]): number[] => (o.steps[0] as unknown as { args: readonly { data: number[] }[] }).args[0]!.data;
    expect(observations.every((o) => o.outputs[0] === buggySum(input(o)))).toBe(true);
    expect(observations.some((o) => o.outputs[0] !== 0)).toBe(true);
  });

  it('reports a throw on the counterexample as an error, with the input that caused it', async () => {
    const throwing = (xs: number[]): number => {
      if (xs.length > 3) throw new Error('too long');
      return sum(xs);
    };
    const verdict = await check.run(fakeContext({ reference: { sum }, student: { sum: throwing } }));
    expect(verdict).toMatchObject({ status: 'error', message: expect.stringMatching(/too long/) });
  });

  it('sends a correct answer its sampled inputs twenty at a time, and samples and evaluates them once per environment', async () => {
    const ctx = fakeContext({ reference: { sum }, student: { sum } });
    const requests: number[] = [];
    const counted = { ...ctx, run: (cases: Parameters<typeof ctx.run>[0]) => (requests.push(cases.length), ctx.run(cases)) };
    expect(await check.run(counted)).toEqual({ status: 'passed' });
    expect(requests).toEqual(Array.from({ length: 5 }, () => 20));
    // A second submission of the same environment gets the very same case objects (encoded once).
    const seen: unknown[] = [];
    await check.run({ ...counted, run: (cases) => (seen.push(...cases), ctx.run(cases)) });
    const again: unknown[] = [];
    await check.run({ ...counted, run: (cases) => (again.push(...cases), ctx.run(cases)) });
    expect(again).toHaveLength(100);
    again.forEach((steps, i) => expect(steps).toBe(seen[i]));
  });

  it('tries the same inputs as fast-check, so a failure the batch finds is the one fast-check shrinks', async () => {
    const firstFailing = fc.sample(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 20 }), { seed: 11, numRuns: 100 }).find((xs) => xs.some((x) => x > 50));
    expect(firstFailing).toBeDefined();
    const verdict = await check.run(fakeContext({ reference: { sum }, student: { sum: buggySum }, seed: 11 }));
    expect(verdict).toMatchObject({ status: 'failed', evidence: { input: { xs: [51] }, shrunk: true } });
  });
});
