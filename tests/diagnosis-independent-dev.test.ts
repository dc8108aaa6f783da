import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectations, scoreHeldback, type Scored } from './support/heldback.js';

/**
 * The dev half of the independent set (tests/fixtures/diagnosis-independent/README.md): mistakes
 * written blind to the catalogue, the half the diagnosis may be tuned on. Only `dev/` is read
 * here: the held-back half is measured by whoever did not tune the diagnosis.
 */
const ROOT = join(import.meta.dirname, 'fixtures', 'diagnosis-independent');
const dev = Object.entries(expectations(ROOT)).filter(([name]) => name.startsWith('dev/'));

describe('the dev half of the independently written mistakes', () => {
  const scored = new Map<string, Scored>();
  beforeAll(async () => {
    for (const [name, e] of dev) scored.set(name, await scoreHeldback(name, e, ROOT));
  });

  it.each(dev.map(([name]) => name))('%s loses points and gets no wrong name', (name) => {
    const s = scored.get(name)!;
    expect(s.failed).toBe(true);
    expect(s.outcome, s.findings.join(' ')).not.toBe('wrong');
  });

  it('gets a right diagnosis on at least 90% of its submissions', () => {
    const right = [...scored.values()].filter((s) => s.outcome === 'right').length;
    expect(right / scored.size).toBeGreaterThanOrEqual(0.9);
  });
});
