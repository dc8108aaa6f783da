import { beforeAll, describe, expect, it } from 'vitest';
import { expectations, scoreHeldback, type Scored } from './support/heldback.js';

/**
 * The held-back set: mistakes written from the course notes and the classic errors of each
 * operation, each with the findings that would be right to show (tests/fixtures/diagnosis-heldback/
 * expectations.json). Every submission must lose points; none may get a wrong mistake's name;
 * at least 90% must get a right diagnosis.
 */
const all = Object.entries(expectations());

describe('the held-back set of independently written mistakes', () => {
  const scored = new Map<string, Scored>();
  beforeAll(async () => {
    for (const [name, e] of all) scored.set(name, await scoreHeldback(name, e));
  });

  it.each(all.map(([name]) => name))('%s loses points and gets no wrong name', (name) => {
    const s = scored.get(name)!;
    expect(s.failed).toBe(true);
    expect(s.outcome, s.findings.join(' ')).not.toBe('wrong');
  });

  it('gets a right diagnosis on at least 90% of its submissions', () => {
    const right = [...scored.values()].filter((s) => s.outcome === 'right').length;
    expect(right / scored.size).toBeGreaterThanOrEqual(0.9);
  });
});
