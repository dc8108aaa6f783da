import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Visibility } from '../model/results.js';
import { assertPublicFirst, handsOnChild, logsShown, PHASE_ORDER, takesUsedChild, timeShown } from './hidden-rule.js';

/**
 * The children of a submission as the rule drives them, without processes: each child
 * remembers every phase it ran. A phase takes an idle child if `takesUsedChild` lets it, else a
 * new one, and gives it back if `handsOnChild` lets it, else it ends.
 */
function simulate(phases: readonly Visibility[]): { ran: Visibility[] }[] {
  const idle: { ran: Visibility[] }[] = [];
  const all: { ran: Visibility[] }[] = [];
  for (const phase of phases) {
    const used = takesUsedChild(phase) ? idle.pop() : undefined;
    const child = used ?? { ran: [] };
    if (!used) all.push(child);
    child.ran.push(phase);
    if (handsOnChild(phase)) idle.push(child);
  }
  return all;
}

describe('the hidden-input rule', () => {
  it('runs every public phase before any hidden one', () => {
    expect(PHASE_ORDER).toEqual(['public', 'hidden']);
  });

  it('runs every hidden phase in a child that ran nothing else, whatever the order of phases', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Visibility>('public', 'hidden'), { maxLength: 30 }), (phases) => {
        for (const child of simulate(phases)) if (child.ran.includes('hidden')) expect(child.ran).toEqual(['hidden']);
      }),
    );
  });

  it('lets the public phases of a submission share one child, and gives each hidden phase its own', () => {
    const children = simulate(['public', 'public', 'public', 'hidden', 'hidden']);
    expect(children.map((c) => c.ran)).toEqual([['public', 'public', 'public'], ['hidden'], ['hidden']]);
  });

  it('counts the time of public phases only', () => {
    expect([timeShown('public'), timeShown('hidden')]).toEqual([true, false]);
  });

  it.each([
    ['check', 'public', true],
    ['check', 'hidden', false],
    ['grade', 'public', false],
    ['grade', 'hidden', false],
  ] as const)('shows the logs of a %s run in a %s phase: %s', (mode, phase, shown) => {
    expect(logsShown(phase, mode)).toBe(shown);
  });

  it.each([
    [['public', 'public', 'hidden', 'hidden']],
    [['hidden']],
    [[]],
  ] as const)('accepts a plan whose public checks come first: %j', (order) => {
    expect(() => assertPublicFirst(order.map((visibility) => ({ visibility })))).not.toThrow();
  });

  it.each([
    [['hidden', 'public']],
    [['public', 'hidden', 'public']],
  ] as const)('refuses a plan with a public check after a hidden one: %j', (order) => {
    expect(() => assertPublicFirst(order.map((visibility) => ({ visibility })))).toThrow(/public check after a hidden one/);
  });
});
