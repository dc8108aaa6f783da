import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Visibility } from '../model/results.js';
import { assertPublicFirst, logsShown, PHASE_ORDER, poolAfter, poolsTakenBy, timeShown } from './hidden-rule.js';

interface Child {
  readonly ran: Visibility[];
}

/**
 * The children of a submission as the rule drives them, without processes: each child
 * remembers every phase it ran. A phase takes an idle child from the first pool `poolsTakenBy`
 * lets it that has one, else a new one, and gives it back to the pool `poolAfter` names.
 */
function simulate(phases: readonly Visibility[]): Child[] {
  const idle = new Map<Visibility, Child[]>();
  const all: Child[] = [];
  for (const phase of phases) {
    const from = poolsTakenBy(phase).find((pool) => (idle.get(pool)?.length ?? 0) > 0);
    const used = from ? idle.get(from)!.pop() : undefined;
    const child = used ?? { ran: [] };
    if (!used) all.push(child);
    child.ran.push(phase);
    const pool = idle.get(poolAfter(phase)) ?? [];
    pool.push(child);
    idle.set(poolAfter(phase), pool);
  }
  return all;
}

describe('the hidden-input rule', () => {
  it('runs every public phase before any hidden one', () => {
    expect(PHASE_ORDER).toEqual(['public', 'hidden']);
  });

  it('never runs a public phase in a child that ran a hidden one, whatever the order of phases', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Visibility>('public', 'hidden'), { maxLength: 30 }), (phases) => {
        for (const child of simulate(phases)) {
          const firstHidden = child.ran.indexOf('hidden');
          if (firstHidden >= 0) expect(child.ran.slice(firstHidden)).not.toContain('public');
        }
      }),
    );
  });

  it('lets the phases of a submission share one child, public phases first, then hidden ones', () => {
    const children = simulate(['public', 'public', 'public', 'hidden', 'hidden']);
    expect(children.map((c) => c.ran)).toEqual([['public', 'public', 'public', 'hidden', 'hidden']]);
  });

  it('starts a new child for a public phase that comes after a hidden one, keeping the child that saw hidden inputs for hidden phases', () => {
    const children = simulate(['hidden', 'public', 'hidden', 'public']);
    expect(children.map((c) => c.ran)).toEqual([['hidden', 'hidden'], ['public', 'public']]);
  });

  it('gives a hidden phase a child that saw hidden inputs before one that saw public inputs only', () => {
    expect(poolsTakenBy('hidden')).toEqual(['hidden', 'public']);
    expect(poolsTakenBy('public')).toEqual(['public']);
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
