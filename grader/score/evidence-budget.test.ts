import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/index.js';
import type { CheckResult, ExerciseResult } from '../model/results.js';
import { SUBMISSION_REPORTERS } from '../../reports/index.js';
import { jsonLengthWithin, withinEvidenceBudget } from './evidence-budget.js';

const t = messages('en');
const failed = (id: string, got: unknown): CheckResult => ({
  id,
  title: id,
  status: 'failed',
  score: 0,
  maxScore: 1,
  visibility: 'public',
  durationMs: 1,
  message: 'Expected the output to be 1, but got 2.',
  evidence: { caseId: 'c', input: [1], expected: [1], got },
});
const exercise = (checks: CheckResult[]): ExerciseResult => ({ id: 'shapes', title: 'Shapes', file: 'shapes.ts', status: 'graded', score: 0, maxScore: checks.length, durationMs: 1, checks });

describe('jsonLengthWithin', () => {
  it.each([[[1, 2, 3]], [{ a: 'x', b: [null, true] }], ['text'], [[[0.5, -1e-7], []]]])('measures %j as JSON.stringify does, or more', (v) => {
    expect(jsonLengthWithin(v, 1e6)).toBeGreaterThanOrEqual(JSON.stringify(v).length);
  });
  it('stops reading past the limit', () => {
    let reads = 0;
    const big = new Proxy(new Array(1_000_000).fill(1), { get: (a, k) => (typeof k === 'string' && /^\d+$/.test(k) && reads++, Reflect.get(a, k)) });
    expect(jsonLengthWithin(big, 1000)).toBeUndefined();
    expect(reads).toBeLessThan(1000);
  });
});

describe('withinEvidenceBudget', () => {
  const budget = { perCheck: 10_000, perSubmission: 25_000 };
  it('keeps small evidence whole, replaces a check over its budget by a note, keeping message and mismatch', () => {
    const [e] = withinEvidenceBudget([exercise([failed('small', [2]), failed('huge', Array(5000).fill(0.5))])], t, budget);
    expect(e!.checks[0]).toEqual(failed('small', [2]));
    const huge = e!.checks[1]!;
    expect(huge.status === 'failed' && huge.evidence).toEqual({ caseId: 'c', got: expect.stringMatching(/not kept: .* 10 KiB of evidence/) });
    expect(huge.status === 'failed' && huge.message).toBe('Expected the output to be 1, but got 2.');
  });
  it('keeps the whole submission within its budget, however many checks fail', () => {
    const checks = Array.from({ length: 40 }, (_, i) => failed(`c${i}`, Array(900).fill(0.25)));
    const out = withinEvidenceBudget([exercise(checks)], t, budget);
    expect(JSON.stringify(out).length).toBeLessThan(budget.perSubmission + 40 * 400);
    expect(out[0]!.checks.filter((c) => c.status === 'failed' && Array.isArray(c.evidence?.got)).length).toBeGreaterThan(0);
  });
  it('renders every report of a result whose evidence was left out', () => {
    const [e] = withinEvidenceBudget([exercise([failed('huge', Array(5000).fill(0.5))])], t, budget);
    const result = { schemaVersion: 1, grader: { name: 'neurograde', version: '0' }, submission: 's', lang: 'en', mode: 'grade', score: 0, maxScore: 1, gradedAt: '', durationMs: 0, environment: { node: '', sandbox: 'none', warnings: [] }, exercises: [e!] } as const;
    const rendered = Object.fromEntries(Object.entries(SUBMISSION_REPORTERS).map(([name, r]) => [name, String(r.render(result as never, { lang: 'en', exercises: [] }))]));
    expect(rendered.html).toContain('not kept');
    expect(Object.keys(rendered).sort()).toEqual(Object.keys(SUBMISSION_REPORTERS).sort());
  });
});
