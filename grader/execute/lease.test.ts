import { describe, expect, it } from 'vitest';
import type { CheckVerdict } from '../kit/check.js';
import type { Visibility } from '../model/results.js';
import type { Session, SessionOptions, StartOutcome } from '../sandbox/session.js';
import { ChildLease, type LeaseOptions } from './lease.js';

type FakeSession = Session & { readonly name: string; closed: boolean };

/** A child that records whether it was closed, and prints `output`. */
function fakeSession(output: string, name = output): FakeSession {
  const s = { name, output, closed: false, close: () => void (s.closed = true) };
  return s as unknown as FakeSession;
}

/**
 * Children as SubmissionChildren hands them out, counted: `acquire` loads the module into the
 * child booted ahead it is given when there is one (else takes the next of `outcomes`), and
 * `boot` starts children named boot-1, boot-2...
 */
function fakeChildren(outcomes: StartOutcome[], { shares = true, refuse = false }: { shares?: boolean; refuse?: boolean } = {}) {
  const released: { group: string; session: Session }[] = [];
  const asked: { phase: Visibility; booted: string | undefined }[] = [];
  const booted: FakeSession[] = [];
  return {
    released,
    asked,
    booted,
    shares,
    boot: () => {
      const s = fakeSession('', `boot-${booted.length + 1}`);
      booted.push(s);
      return s;
    },
    acquire: async (phase: Visibility, _o: SessionOptions, fresh?: Session): Promise<StartOutcome> => {
      asked.push({ phase, booted: (fresh as FakeSession | undefined)?.name });
      if (fresh && refuse) fresh.close();
      if (fresh && !refuse) return ok(fresh);
      return outcomes.shift()!;
    },
    release: (group: Visibility, _o: unknown, session: Session) => void released.push({ group, session }),
  };
}

const ok = (session: Session): StartOutcome => ({ ok: true, session, exports: {} });
const refused: StartOutcome = { ok: false, failure: { kind: 'load-error', name: 'Error', message: 'x' }, logs: '' };
const options = (children: LeaseOptions['children'], more: Partial<LeaseOptions> = {}): LeaseOptions => ({
  children,
  session: {} as SessionOptions,
  phases: ['public'],
  reusable: true,
  mode: 'grade',
  strikes: 2,
  ...more,
});
const timeout: CheckVerdict = { status: 'sandbox', failure: { kind: 'timeout', limitMs: 100 } };
const crash: CheckVerdict = { status: 'sandbox', failure: { kind: 'crash', code: 1, signal: null, stderr: '' } };
const passed: CheckVerdict = { status: 'passed' };

describe('a child lease', () => {
  it('keeps one child for a phase and gives it back with the phase it ran', async () => {
    const child = fakeSession('');
    const children = fakeChildren([ok(child)]);
    const lease = new ChildLease(options(children, { phases: ['hidden'] }));
    lease.begin('hidden');
    expect(await lease.take()).toMatchObject({ ok: true, session: child });
    expect(await lease.take()).toMatchObject({ ok: true, session: child });
    lease.release();
    expect(children.asked).toEqual([{ phase: 'hidden', booted: undefined }]);
    expect(children.released).toEqual([{ group: 'hidden', session: child }]);
  });

  it('drops a child a limit killed and takes a fresh one for the next check', async () => {
    const [a, b] = [fakeSession(''), fakeSession('')];
    const lease = new ChildLease(options(fakeChildren([ok(a), ok(b)])));
    lease.begin('public');
    await lease.take();
    lease.settle(crash);
    expect(a.closed).toBe(true);
    expect(await lease.take()).toMatchObject({ ok: true, session: b });
  });

  it('counts time-outs and memory as strikes, not crashes, and strikes out at the limit', async () => {
    const lease = new ChildLease(options(fakeChildren([ok(fakeSession('')), ok(fakeSession('')), ok(fakeSession(''))]), { strikes: 2 }));
    lease.begin('public');
    for (const v of [timeout, crash]) {
      await lease.take();
      lease.settle(v);
    }
    expect(lease.strikes).toEqual(['timeout']);
    expect(lease.struckOut).toBe(false);
    await lease.take();
    lease.settle({ status: 'sandbox', failure: { kind: 'memory', limitMb: 64 } });
    expect(lease.strikes).toEqual(['timeout', 'memory']);
    expect(lease.struckOut).toBe(true);
  });

  it('says whether the module never loaded in this exercise', async () => {
    const first = new ChildLease(options(fakeChildren([refused])));
    first.begin('public');
    expect(await first.take()).toMatchObject({ ok: false, first: true });
    const later = new ChildLease(options(fakeChildren([ok(fakeSession('')), refused])));
    later.begin('public');
    await later.take();
    later.settle(crash);
    expect(await later.take()).toMatchObject({ ok: false, first: false });
  });

  it.each([
    ['check', 'public', 'printed'],
    ['grade', 'public', ''],
    ['check', 'hidden', ''],
  ] as const)('in %s mode, a %s phase shows logs %j', async (mode, phase, logs) => {
    const lease = new ChildLease(options(fakeChildren([ok(fakeSession('printed'))]), { mode, phases: [phase] }));
    lease.begin(phase);
    await lease.take();
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

describe('a child lease prewarms', () => {
  /** A lease with public and hidden checks, its public phase begun and holding its first child. */
  async function inPublicPhase(more: Partial<LeaseOptions> = {}, children = fakeChildren([ok(fakeSession('', 'public'))])) {
    const lease = new ChildLease(options(children, { phases: ['public', 'hidden'], ...more }));
    lease.begin('public');
    await lease.take();
    return { lease, children };
  }

  it("boots the hidden phase's fresh child once the public checks have theirs, and hands it to the hidden phase alone, for a module that cannot share a child (tfjs)", async () => {
    const { lease, children } = await inPublicPhase({ reusable: false });
    expect(children.booted.map((s) => s.name)).toEqual(['boot-1']);
    lease.settle(passed);
    await lease.take();
    lease.release();
    lease.begin('hidden');
    expect(await lease.take()).toMatchObject({ ok: true, session: children.booted[0] });
    lease.close();
    expect(children.asked).toEqual([
      { phase: 'public', booted: undefined },
      { phase: 'hidden', booted: 'boot-1' },
    ]);
    expect(children.booted).toHaveLength(1);
    expect(children.released.map((r) => r.group)).toEqual(['public', 'hidden']);
  });

  it('boots nothing ahead for the hidden phase of a module that can share a child: it takes one the public phases leave', async () => {
    const { lease, children } = await inPublicPhase({}, fakeChildren([ok(fakeSession('', 'public')), ok(fakeSession('', 'left by a public phase'))]));
    lease.settle(passed);
    lease.release();
    lease.begin('hidden');
    await lease.take();
    lease.close();
    expect(children.booted).toEqual([]);
    expect(children.asked).toEqual([
      { phase: 'public', booted: undefined },
      { phase: 'hidden', booted: undefined },
    ]);
  });

  it('boots nothing ahead for an exercise with public checks alone (check mode)', async () => {
    const children = fakeChildren([ok(fakeSession(''))]);
    const lease = new ChildLease(options(children, { phases: ['public'] }));
    lease.begin('public');
    await lease.take();
    lease.close();
    expect(children.booted).toEqual([]);
  });

  it("closes the hidden phase's child, unused, when the exercise strikes out, and boots no other", async () => {
    const more = [ok(fakeSession('')), ok(fakeSession(''))];
    const { lease, children } = await inPublicPhase({ strikes: 2, reusable: false }, fakeChildren([ok(fakeSession('')), ...more]));
    lease.settle(timeout);
    expect(children.booted[0]!.closed).toBe(false);
    await lease.take();
    lease.settle(timeout);
    expect(lease.struckOut).toBe(true);
    expect(children.booted[0]!.closed).toBe(true);
    lease.bootAhead('hidden');
    lease.close();
    expect(children.booted).toHaveLength(1);
    expect(children.asked.filter((a) => a.phase === 'hidden')).toEqual([]);
  });

  it('closes every child booted ahead when the lease closes before their phase (a failed load, an aborted plan)', async () => {
    const children = fakeChildren([]);
    const lease = new ChildLease(options(children, { phases: ['public', 'hidden'], reusable: false }));
    lease.bootAhead('public');
    lease.bootAhead('hidden');
    expect(children.booted.map((s) => s.closed)).toEqual([false, false]);
    lease.close();
    expect(children.booted.map((s) => s.closed)).toEqual([true, true]);
    lease.bootAhead('hidden');
    expect(children.booted).toHaveLength(2);
  });

  it('closes the child booted for a phase when the phase ends without taking it', async () => {
    const children = fakeChildren([]);
    const lease = new ChildLease(options(children, { phases: ['hidden'], reusable: false }));
    lease.bootAhead('hidden');
    lease.begin('hidden');
    lease.release();
    expect(children.booted[0]!.closed).toBe(true);
    expect(children.asked).toEqual([]);
  });

  it.each([
    ['a public phase of a module that can share, among shared children', 'public', { reusable: true }, true, 0],
    ['a public phase of a module that cannot share (tfjs)', 'public', { reusable: false }, true, 1],
    ['a public phase when every exercise gets a fresh child (--isolation exercise)', 'public', { reusable: true }, false, 1],
    ['a hidden phase of a module that can share, among shared children', 'hidden', { reusable: true }, true, 0],
    ['a hidden phase of a module that cannot share (tfjs)', 'hidden', { reusable: false }, true, 1],
    ['a hidden phase when every exercise gets a fresh child (--isolation exercise)', 'hidden', { reusable: true }, false, 1],
  ] as const)('asked twice to boot ahead for %s', (_, phase, more, shares, boots) => {
    const children = fakeChildren([], { shares });
    const lease = new ChildLease(options(children, { phases: [phase], ...more }));
    lease.bootAhead(phase);
    lease.bootAhead(phase);
    expect(children.booted).toHaveLength(boots);
    lease.close();
  });

  it('hands an adopted child to its phase, and ends one adopted twice or after the lease closed', async () => {
    const children = fakeChildren([]);
    const lease = new ChildLease(options(children));
    const [first, second, late] = [fakeSession('', 'a'), fakeSession('', 'b'), fakeSession('', 'c')];
    lease.adopt('public', first);
    lease.adopt('public', second);
    expect(second.closed).toBe(true);
    lease.begin('public');
    expect(await lease.take()).toMatchObject({ ok: true, session: first });
    lease.close();
    lease.adopt('public', late);
    expect(late.closed).toBe(true);
    expect(children.asked).toEqual([{ phase: 'public', booted: 'a' }]);
  });
});
