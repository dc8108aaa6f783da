import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectations, scoreHeldback, type Scored } from './support/heldback.js';

/**
 * Issue 13's independent set (tests/fixtures/diagnosis-independent): wrong submissions written by
 * an engineer who had read only the notes, the contract and the statements, labelled before any
 * diagnosis was seen. dev/ may be used to tune the diagnosis, heldback/ never: its failures name
 * the submission but do not print its findings, so a failing run does not turn it into a dev set.
 * Every held-back submission must lose points and none may get a wrong mistake's name.
 */
const ROOT = join(import.meta.dirname, 'fixtures', 'diagnosis-independent');
const all = Object.entries(expectations(ROOT));

// dev/ has its own test (diagnosis-independent-dev.test.ts), with its ratio. The held-back half's
// ratio is measured by the lead at the end of a session and reported in the issue, not asserted
// here: a red bar on main would push whoever tunes the diagnosis to read heldback/.
describe.each([{ half: 'heldback', showFindings: false }])('the independent $half set', ({ half, showFindings }) => {
  const mine = all.filter(([name]) => name.startsWith(`${half}/`));
  const scored = new Map<string, Scored>();
  beforeAll(async () => {
    for (const [name, e] of mine) scored.set(name, await scoreHeldback(name, e, ROOT));
  });

  it('has submissions for every numeric exercise', () => {
    const exercises = new Set(mine.map(([name]) => name.split('/')[1]));
    expect([...exercises].sort()).toEqual(['convolution', 'data', 'image', 'pooling', 'rnn', 'sequences', 'shapes']);
  });

  it.each(mine.map(([name]) => name))('%s loses points and gets no wrong name', (name) => {
    const s = scored.get(name)!;
    const why = showFindings ? s.findings.join(' ') : 'findings of a held-back submission are not shown';
    expect(s.failed, why).toBe(true);
    expect(s.outcome, why).not.toBe('wrong');
  });
});
