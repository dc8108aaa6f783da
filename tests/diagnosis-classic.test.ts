import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectations, scoreHeldback, type Scored } from './support/heldback.js';

/**
 * Classic mistakes of the notes (tests/fixtures/diagnosis-classic), written for the relations
 * the grader finds whatever the exercise (a constant per row, a right beginning, a parameter
 * replaced, an argument changed...): a dev set, written knowing the diagnosis. Each loses points
 * and gets no wrong name; all but one (stride-only-in-size: no feature of the cases tells it, see
 * expectations.json) get a right finding. Right answers written unusually get no finding at all.
 */
const ROOT = join(import.meta.dirname, 'fixtures', 'diagnosis-classic');
const wrong = Object.entries(expectations(ROOT));
const correct = readdirSync(join(ROOT, 'correct')).flatMap((ex) => readdirSync(join(ROOT, 'correct', ex)).map((f) => `correct/${ex}/${f.replace(/\.ts$/, '')}`));
/** Written without a finding the grader can make today; kept so that one shows here when it can. */
const UNDIAGNOSED = new Set(['pooling/stride-only-in-size']);

describe('classic mistakes of the notes, diagnosed by the generic relations', () => {
  const scored = new Map<string, Scored>();
  beforeAll(async () => {
    for (const [name, e] of wrong) scored.set(name, await scoreHeldback(name, e, ROOT));
    for (const name of correct) scored.set(name, await scoreHeldback(name, { right: [] }, ROOT));
  });

  it('has 13 mistakes and 5 right answers written unusually', () => {
    expect([wrong.length, correct.length]).toEqual([13, 5]);
  });

  it.each(wrong.map(([name]) => name))('%s loses points and is diagnosed, with no wrong name', (name) => {
    const s = scored.get(name)!;
    expect(s.failed).toBe(true);
    expect(s.outcome, s.findings.join(' ')).toBe(UNDIAGNOSED.has(name) ? 'none' : 'right');
  });

  it.each(correct)('%s passes with no finding', (name) => {
    const s = scored.get(name)!;
    expect([s.failed, s.findings]).toEqual([false, []]);
  });
});
