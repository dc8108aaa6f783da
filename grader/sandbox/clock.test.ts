import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestClock, type ClockPhase } from './clock.js';

describe('RequestClock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('spends each phase from its own budget, carrying what was used over a switch', () => {
    const expired: ClockPhase[] = [];
    const clock = new RequestClock({ student: 300, grader: 1000 }, 'grader', (p) => expired.push(p));
    vi.advanceTimersByTime(900);
    clock.switchTo('student');
    vi.advanceTimersByTime(200);
    clock.switchTo('grader');
    vi.advanceTimersByTime(99);
    expect(expired).toEqual([]);
    expect(clock.spent()).toEqual({ student: 200, grader: 999 });
    vi.advanceTimersByTime(1);
    expect(expired).toEqual(['grader']);
  });

  it.each([
    ['student', 300],
    ['grader', 1000],
  ] as const)('names the %s phase when its budget runs out first', (phase, budget) => {
    const expired: ClockPhase[] = [];
    new RequestClock({ student: 300, grader: 1000 }, phase, (p) => expired.push(p));
    vi.advanceTimersByTime(budget - 1);
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual([phase]);
  });

  it('never fires once stopped, and ignores switches after', () => {
    const expired: ClockPhase[] = [];
    const clock = new RequestClock({ student: 300, grader: 1000 }, 'student', (p) => expired.push(p));
    clock.stop();
    clock.switchTo('grader');
    vi.advanceTimersByTime(5000);
    expect(expired).toEqual([]);
  });
});
