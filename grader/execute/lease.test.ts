import { describe, expect, it } from 'vitest';
import type { CheckVerdict } from '../kit/check.js';
import type { Session, SessionOptions, StartOutcome } from '../sandbox/session.js';
import { ChildLease, type LeaseOptions } from './lease.js';

/** A child that records whether it was closed, and prints `output`. */
function fakeSession(output: string): Session & { closed: boolean } {
  const s = { output, closed: false, close: () => void (s.closed = true) };
  return s as unknown as Session & { closed: boolean };
}

/** Children handed out one after the other, each given back recorded with its group. */
function fakeChildren(outcomes: StartOutcome[]) {
  const released: { group: string; session: Session }[] = [];
  const asked: string[] = [];
  return {
    released,
    asked,
    acquire: async (phase: 'public' | 'hidden') => {
      asked.push(phase);
      return outcomes.shift()!;
    },
    release: (group: 'public' | 'hidden', _o: unknown, session: Session) => void released.push({ group, session }),
  };
}

const ok = (session: Session): StartOutcome => ({ ok: true, session, exports: {} });
const options = (children: LeaseOptions['children'], more: Partial<LeaseOptions> = {}): LeaseOptions => ({ children, session: {} as SessionOptions, reusable: true, mode: 'grade', strikes: 2, ...more });
const timeout: CheckVerdict = { status: 'sandbox', failure: { kind: 'timeout', limitMs: 100 } };
const crash: CheckVerdict = { status: 'sandbox', failure: { kind: 'crash', code: 1, signal: null, stderr: '' } };

describe('a child lease', () => {
  it('keeps one child for a phase and gives it back with the phase it ran', async () => {
    const child = fakeSession('');
    const children = fakeChildren([ok(child)]);
    const lease = new ChildLease(options(children));
    expect(await lease.take('hidden')).toMatchObject({ ok: true, session: child });
    expect(await lease.take('hidden')).toMatchObject({ ok: true, session: child });
    lease.release();
    expect(children.asked).toEqual(['hidden']);
    expect(children.released).toEqual([{ group: 'hidden', session: child }]);
  });

  it('drops a child a limit killed and takes a fresh one for the next check', async () => {
    const [a, b] = [fakeSession(''), fakeSession('')];
    const lease = new ChildLease(options(fakeChildren([ok(a), ok(b)])));
    await lease.take('public');
    lease.settle(crash);
    expect(a.closed).toBe(true);
    expect(await lease.take('public')).toMatchObject({ ok: true, session: b });
  });

  it('counts time-outs and memory as strikes, not crashes, and strikes out at the limit', async () => {
    const lease = new ChildLease(options(fakeChildren([ok(fakeSession('')), ok(fakeSession('')), ok(fakeSession(''))]), { strikes: 2 }));
    for (const v of [timeout, crash]) {
      await lease.take('public');
      lease.settle(v);
    }
    expect(lease.strikes).toEqual(['timeout']);
    expect(lease.struckOut).toBe(false);
    await lease.take('public');
    lease.settle({ status: 'sandbox', failure: { kind: 'memory', limitMb: 64 } });
    expect(lease.strikes).toEqual(['timeout', 'memory']);
    expect(lease.struckOut).toBe(true);
  });

  it('says whether the module never loaded in this exercise', async () => {
    const refused: StartOutcome = { ok: false, failure: { kind: 'load-error', name: 'Error', message: 'x' }, logs: '' };
    const first = new ChildLease(options(fakeChildren([refused])));
    expect(await first.take('public')).toMatchObject({ ok: false, first: true });
    const later = new ChildLease(options(fakeChildren([ok(fakeSession('')), refused])));
    await later.take('public');
    later.settle(crash);
    expect(await later.take('public')).toMatchObject({ ok: false, first: false });
  });

  it.each([
    ['check', 'public', 'printed'],
    ['grade', 'public', ''],
    ['check', 'hidden', ''],
  ] as const)('in %s mode, a %s phase shows logs %j', async (mode, phase, logs) => {
    const lease = new ChildLease(options(fakeChildren([ok(fakeSession('printed'))]), { mode }));
    await lease.take(phase);
    lease.release();
    expect(lease.logs).toBe(logs);
  });

  it('adds the time of public phases to the time spent before them, never that of a hidden one', async () => {
    const lease = new ChildLease(options(fakeChildren([]), { spentMs: 5 }));
    await lease.timed('public', () => new Promise((r) => setTimeout(r, 20)));
    const afterPublic = lease.spentMs;
    expect(afterPublic).toBeGreaterThanOrEqual(5 + 19);
    await lease.timed('hidden', () => new Promise((r) => setTimeout(r, 20)));
    expect(lease.spentMs).toBe(afterPublic);
  });
});
