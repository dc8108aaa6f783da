import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestClock, type ClockPhase } from './clock.js';

/** Advances the fake clock, then lets the verdicts it scheduled run (a real setImmediate, after pending I/O). */
async function advance(ms: number): Promise<void> {
  vi.advanceTimersByTime(ms);
  await new Promise((r) => setImmediate(r));
}

describe('RequestClock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('spends each phase from its own budget, carrying what was used over a switch', async () => {
    const expired: ClockPhase[] = [];
    const clock = new RequestClock({ student: 300, grader: 1000 }, 'grader', (p) => expired.push(p));
    await advance(900);
    clock.switchTo('student');
    await advance(200);
    clock.switchTo('grader');
    await advance(99);
    expect(expired).toEqual([]);
    expect(clock.spent()).toEqual({ student: 200, grader: 999 });
    await advance(1);
    expect(expired).toEqual(['grader']);
  });

  it.each([
    ['student', 300],
    ['grader', 1000],
  ] as const)('names the %s phase when its budget runs out first', async (phase, budget) => {
    const expired: ClockPhase[] = [];
    new RequestClock({ student: 300, grader: 1000 }, phase, (p) => expired.push(p));
    await advance(budget - 1);
    expect(expired).toEqual([]);
    await advance(1);
    expect(expired).toEqual([phase]);
  });

  it('never fires once stopped, and ignores switches after', async () => {
    const expired: ClockPhase[] = [];
    const clock = new RequestClock({ student: 300, grader: 1000 }, 'student', (p) => expired.push(p));
    clock.stop();
    clock.switchTo('grader');
    await advance(5000);
    expect(expired).toEqual([]);
  });
});

describe('RequestClock on a busy event loop', () => {
  it('reads a message that arrived while the grader was busy before it calls the time limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ng-clock-'));
    const path = join(dir, 'socket');
    const server = createServer();
    const accepted = new Promise<Socket>((ok) => server.once('connection', ok));
    await new Promise<void>((ok) => server.listen(path, ok));
    const client = connect(path);
    await new Promise<void>((ok) => client.once('connect', ok));
    const peer = await accepted;
    const expired: ClockPhase[] = [];
    const clock = new RequestClock({ student: 50, grader: 60_000 }, 'student', (p) => expired.push(p));
    peer.on('data', () => clock.switchTo('grader'));
    // The child answers at once, but the grader is busy for four times the limit before it looks.
    client.write('done');
    expect(client.writableLength).toBe(0);
    const until = Date.now() + 200;
    while (Date.now() < until) {
      // the grader's own synchronous work
    }
    await new Promise((r) => setTimeout(r, 20));
    clock.stop();
    client.destroy();
    peer.destroy();
    await new Promise((ok) => server.close(ok));
    rmSync(dir, { recursive: true, force: true });
    expect(clock.phase).toBe('grader');
    expect(expired).toEqual([]);
  });
});
