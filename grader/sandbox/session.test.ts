import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { childScript } from './child-bundle.js';
import type { Launcher } from './launcher.js';
import { readHost } from './launchers/host.js';
import { plainFactory } from './launchers/plain.js';
import { Session, type SessionLimits, type StartOutcome } from './session.js';
import type { Step } from './steps.js';

const LIMITS: SessionLimits = { timeMs: 5_000, graderMs: 30_000, memoryMb: 512, outputBytes: 256 * 1024, processes: 64, maxItems: 10_000 };
const call = (fn: string, ...args: unknown[]): Step => ({ op: 'call', fn, args: args.map((data) => ({ data })) });

/**
 * A stand-in child that speaks the protocol as `respond` says: `respond(msg, send)` runs for every
 * line the grader writes. It is plain node, so the tests run anywhere and show how the grader
 * takes what any child, hostile or broken, might send.
 */
function fakeChild(respond: string): Launcher {
  const script = `
    const fs = require('fs');
    const send = (m) => fs.writeSync(3, (typeof m === 'string' ? m : JSON.stringify(m)) + '\\n');
    let token;
    require('readline').createInterface({ input: process.stdin }).on('line', (line) => {
      const msg = JSON.parse(line);
      token ??= msg.token;
      ${respond}
    });`;
  return {
    id: 'none',
    name: 'fake',
    warnings: [],
    spec: () => ({ command: process.execPath, args: ['-e', script], env: { PATH: '/usr/bin:/bin' }, cwd: tmpdir() }),
  };
}

const READY = `if (msg.type === 'init') send({ type: 'ready', exports: { add: 'function' } });`;

async function startFake(respond: string, limits: SessionLimits = LIMITS): Promise<StartOutcome> {
  return Session.start({ launcher: fakeChild(respond), launch: { childScript: '/nonexistent', readPaths: [] }, limits, code: '', exports: ['add'] });
}

describe('Session with the real child runner', () => {
  let script: string;
  let launcher: Launcher;
  beforeAll(async () => {
    script = await childScript();
    const plan = plainFactory(readHost());
    if (!plan.ok) throw new Error('the plain launcher always exists');
    launcher = { id: plan.plan.id, name: plan.plan.layers.join('+'), warnings: [], spec: plan.plan.spec };
  });
  const start = (code: string, exports: string[], limits: SessionLimits = LIMITS): Promise<StartOutcome> =>
    Session.start({ launcher, launch: { childScript: script, readPaths: [] }, limits, code, exports });

  it('loads a module, answers every case in order, keeps what it printed, and stays dead once closed', async () => {
    const started = await start('console.log("hello from import"); export const add = (a, b) => a + b; export const n = 3;', ['add', 'n', 'missing']);
    if (!started.ok) throw new Error(JSON.stringify(started.failure));
    expect(started.exports).toEqual({ add: 'function', n: 'number', missing: 'undefined' });
    const run = await started.session.run([[call('add', 1, 2)], [call('add', NaN, 1)], [call('nope')]]);
    expect(run.ok && run.cases.map((c) => (c.ok ? c.outputs : c.fault.kind))).toEqual([[3], [{ $nf: 'NaN' }], 'missing-export']);
    expect(started.session.output).toContain('hello from import');
    started.session.close();
    const after = await started.session.run([[call('add', 1, 2)]]);
    expect(after.ok).toBe(false);
  });

  it.each([
    ['a method of Math', 'Math.abs = () => 0;', ['Math.abs changed']],
    ['a prototype method', 'Array.prototype.every = () => true;', ['Array.prototype.every changed']],
    ['a property added to Object.prototype', 'Object.prototype.passed = true;', ['Object.prototype.passed added']],
    ['a replaced global built-in', 'globalThis.JSON = { parse: () => 1 };', ['globalThis.JSON changed']],
  ])('refuses a module that patches %s at import, naming the change', async (_, patch, changes) => {
    const started = await start(`${patch} export const f = () => 1;`, ['f']);
    expect(started).toMatchObject({ ok: false, failure: { kind: 'patched', changes: expect.arrayContaining(changes) } });
  });

  it("lets a module add globals of its own and use Node's lazy globals without being called a patch", async () => {
    const started = await start('globalThis.cache = new Map(); const bytes = new TextEncoder().encode(atob("aGk=")); export const f = () => bytes.length;', ['f']);
    if (!started.ok) throw new Error(JSON.stringify(started.failure));
    const run = await started.session.run([[call('f')]]);
    expect(run.ok && run.cases[0]).toEqual({ ok: true, outputs: [2] });
    started.session.close();
  });

  it('stops a run at its time limit and answers every later run with the same failure', async () => {
    const started = await start('export const spin = () => { for (;;) {} };', ['spin'], { ...LIMITS, timeMs: 300 });
    if (!started.ok) throw new Error(JSON.stringify(started.failure));
    const first = await started.session.run([[call('spin')]]);
    expect(first).toEqual({ ok: false, failure: { kind: 'timeout', limitMs: 300 } });
    expect(await started.session.run([[call('spin')]])).toEqual(first);
  });

  it('stops a module that loops at import at the time limit of the start', async () => {
    const started = await start('for (;;) {}', ['x'], { ...LIMITS, timeMs: 300 });
    expect(started.ok).toBe(false);
    expect(!started.ok && started.failure).toEqual({ kind: 'timeout', limitMs: 300 });
  });

  /** The same launcher, but the child starts only after `seconds` of sleep: a slow start on a busy machine, made certain. */
  const slowStart = (seconds: number): Launcher => ({
    ...launcher,
    spec: (r) => {
      const spec = launcher.spec(r);
      return { ...spec, command: '/bin/sh', args: ['-c', `sleep ${seconds} && exec "$@"`, 'sh', spec.command, ...spec.args], env: { ...spec.env, PATH: '/usr/bin:/bin' } };
    },
  });

  it('counts a slow start against the grader\'s budget, not the student\'s time limit', async () => {
    // The child starts 2 s late, past the student's time limit: only the grader's clock may pay for it.
    const started = await Session.start({
      launcher: slowStart(2),
      launch: { childScript: script, readPaths: [] },
      limits: { ...LIMITS, timeMs: 300 },
      code: 'export const add = (a, b) => a + b;',
      exports: ['add'],
    });
    if (!started.ok) throw new Error(JSON.stringify(started.failure));
    const run = await started.session.run([[call('add', 1, 2)]]);
    expect(run.ok && run.cases).toEqual([{ ok: true, outputs: [3] }]);
    // What a budget over several requests counts (a check's two time limits): not the 2 s start.
    expect(started.session.studentMs).toBeLessThan(2000);
    started.session.close();
  });

  it('names the grader\'s budget, not the time limit, when a start outlasts it', async () => {
    const started = await Session.start({
      launcher: slowStart(0.6),
      launch: { childScript: script, readPaths: [] },
      limits: { ...LIMITS, graderMs: 300 },
      code: 'export const add = (a, b) => a + b;',
      exports: ['add'],
    });
    expect(!started.ok && started.failure).toEqual({ kind: 'grader-time', limitMs: 300 });
  });

  it('loads the packages the grader provides on its own clock, before the student\'s module', async () => {
    // A provided package that takes 0.6 s to import, twice the student's time limit.
    const slowPackage = 'data:text/javascript,' + encodeURIComponent('const t = Date.now(); while (Date.now() - t < 600); globalThis.slowPackageLoaded = true;');
    const started = await Session.start({
      launcher,
      launch: { childScript: script, readPaths: [] },
      limits: { ...LIMITS, timeMs: 300 },
      code: 'export const loaded = () => globalThis.slowPackageLoaded === true;',
      exports: ['loaded'],
      preload: [slowPackage],
    });
    if (!started.ok) throw new Error(JSON.stringify(started.failure));
    const run = await started.session.run([[call('loaded')]]);
    expect(run.ok && run.cases).toEqual([{ ok: true, outputs: [true] }]);
    started.session.close();
  });

  it('stops a module that prints without end at the output limit', async () => {
    const started = await start('for (;;) console.log("x".repeat(10000));', ['x']);
    expect(!started.ok && started.failure).toEqual({ kind: 'print-limit', limitBytes: LIMITS.outputBytes });
  });

  it('names the memory limit when a typed-array bomb makes allocation fail', async () => {
    const started = await start('export const bomb = () => { throw new RangeError("Array buffer allocation failed"); };', ['bomb']);
    if (!started.ok) throw new Error(JSON.stringify(started.failure));
    expect(await started.session.run([[call('bomb')]])).toEqual({ ok: false, failure: { kind: 'memory', limitMb: LIMITS.memoryMb } });
  });

  it('keeps signals in: process.kill throws inside the child', async () => {
    const started = await start('export const k = () => process.kill(process.ppid, "SIGKILL");', ['k']);
    if (!started.ok) throw new Error(JSON.stringify(started.failure));
    const run = await started.session.run([[call('k')]]);
    expect(run.ok && !run.cases[0]!.ok && run.cases[0]!.fault).toMatchObject({ kind: 'threw', error: { message: /process\.kill is not available/ } });
    started.session.close();
  });

  it('reports what a module threw at import, stack included', async () => {
    const started = await start('throw new TypeError("bad import");', ['x']);
    expect(!started.ok && started.failure).toMatchObject({ kind: 'load-error', name: 'TypeError', message: 'bad import' });
  });
});

describe('Session against a child that breaks the protocol', () => {
  it.each([
    ['a line that is not JSON', `send('{"type": "ready", ');`],
    ['an unknown message type', `send({ type: 'pwned' });`],
    ['an extra field', `send({ type: 'ready', exports: { add: 'function' }, score: 10 });`],
    ['an export nobody asked for', `send({ type: 'ready', exports: { add: 'function', other: 'function' } });`],
    ['an export kind that is not a typeof', `send({ type: 'ready', exports: { add: 'passed' } });`],
    ['a giant error message', `send({ type: 'load-error', name: 'Error', message: 'x'.repeat(100000) });`],
  ])('refuses, at start, %s as a protocol failure', async (_name, respond) => {
    const started = await startFake(respond);
    expect(!started.ok && started.failure.kind).toBe('protocol');
  });

  it.each([
    ['an answer to another request', `send({ type: 'result', id: 99, cases: [{ ok: true, outputs: [3] }] });`],
    ['fewer answers than cases', `send({ type: 'result', id: msg.id, cases: [] });`],
    ['more answers than cases', `send({ type: 'result', id: msg.id, cases: [{ ok: true, outputs: [3] }, { ok: true, outputs: [3] }] });`],
    ['more outputs than the case has calls', `send({ type: 'result', id: msg.id, cases: [{ ok: true, outputs: [3, 4] }] });`],
    ['a fault of an unknown kind', `send({ type: 'result', id: msg.id, cases: [{ ok: false, fault: { kind: 'passed' } }] });`],
    ['a thrown message longer than the runner ever sends', `send({ type: 'result', id: msg.id, cases: [{ ok: false, fault: { kind: 'threw', where: 'add', error: { name: 'E', message: 'm'.repeat(5000) } } }] });`],
  ])('refuses, on a run, %s as a protocol failure', async (_name, respond) => {
    const started = await startFake(`${READY} else ${respond}`);
    if (!started.ok) throw new Error(JSON.stringify(started.failure));
    const run = await started.session.run([[call('add', 1, 2)]]);
    expect(!run.ok && run.failure.kind).toBe('protocol');
  });

  it('refuses a message nobody asked for, and the session stays dead', async () => {
    const started = await startFake(`${READY} else { send({ type: 'result', id: msg.id, cases: [{ ok: true, outputs: [3] }] }); send({ type: 'result', id: msg.id + 1, cases: [{ ok: true, outputs: [3] }] }); }`);
    if (!started.ok) throw new Error(JSON.stringify(started.failure));
    expect((await started.session.run([[call('add', 1, 2)]])).ok).toBe(true);
    // The stray message ends the session whenever it arrives; a second run sent before would take it as its answer.
    await vi.waitFor(() => expect(started.session.alive).toBe(false), { timeout: 30_000, interval: 20 });
    const second = await started.session.run([[call('add', 1, 2)]]);
    expect(!second.ok && second.failure.kind).toBe('protocol');
  });

  it('refuses a clock message with a token that is not the runner\'s, as graded code would forge it', async () => {
    const started = await startFake(`${READY} else send({ type: 'clock', phase: 'grader', token: 'guessed' });`);
    if (!started.ok) throw new Error(JSON.stringify(started.failure));
    const run = await started.session.run([[call('add', 1, 2)]]);
    expect(!run.ok && run.failure.kind).toBe('protocol');
  });

  it('refuses a clock message between requests', async () => {
    const started = await startFake(`${READY} else { send({ type: 'result', id: msg.id, cases: [{ ok: true, outputs: [3] }] }); send({ type: 'clock', phase: 'grader', token }); }`);
    if (!started.ok) throw new Error(JSON.stringify(started.failure));
    expect((await started.session.run([[call('add', 1, 2)]])).ok).toBe(true);
    await vi.waitFor(() => expect(started.session.alive).toBe(false), { timeout: 30_000, interval: 20 });
    const second = await started.session.run([[call('add', 1, 2)]]);
    expect(!second.ok && second.failure.kind).toBe('protocol');
  });

  it('runs the student\'s clock from the runner\'s clock message: a child that stalls after it hits the time limit', async () => {
    const started = await startFake(`if (msg.type === 'init') send({ type: 'clock', phase: 'student', token: msg.token });`, { ...LIMITS, timeMs: 300 });
    expect(!started.ok && started.failure).toEqual({ kind: 'timeout', limitMs: 300 });
  });

  it('runs the grader\'s clock after the runner says the student\'s code is done', async () => {
    // Started under the generous budget (a fake child's boot is the grader's too, and may be slow),
    // then given 300 ms of the grader's time for the run only.
    const started = await startFake(`${READY} else send({ type: 'clock', phase: 'grader', token: token });`);
    if (!started.ok) throw new Error(JSON.stringify(started.failure));
    const reloaded = await started.session.load({ code: '', exports: ['add'], limits: { ...LIMITS, graderMs: 300 } });
    expect(reloaded.ok).toBe(true);
    expect(await started.session.run([[call('add', 1, 2)]])).toEqual({ ok: false, failure: { kind: 'grader-time', limitMs: 300 } });
  });

  it('stops an answer larger than the output limit as it arrives', async () => {
    const started = await startFake(`${READY} else send('"' + 'z'.repeat(2 * 1024 * 1024));`);
    if (!started.ok) throw new Error(JSON.stringify(started.failure));
    expect(await started.session.run([[call('add', 1, 2)]])).toEqual({ ok: false, failure: { kind: 'output-limit', limitBytes: LIMITS.outputBytes } });
  });

  it('still takes an answer written just before the child exits', async () => {
    const started = await startFake(`${READY} else { send({ type: 'result', id: msg.id, cases: [{ ok: true, outputs: [3] }] }); process.exit(0); }`);
    if (!started.ok) throw new Error(JSON.stringify(started.failure));
    expect(await started.session.run([[call('add', 1, 2)]])).toEqual({ ok: true, cases: [{ ok: true, outputs: [3] }] });
  });

  it.each([
    ['exit code 0 before answering', 'process.exit(0);', { kind: 'crash', code: 0, signal: null }],
    ['exit code 3', 'process.exit(3);', { kind: 'crash', code: 3, signal: null }],
    ['a wrapper reporting SIGKILL as 137', 'process.exit(137);', { kind: 'memory', limitMb: 512 }],
    ['a wrapper reporting SIGXCPU as 152', 'process.exit(152);', { kind: 'timeout', limitMs: 5000 }],
    ['V8 running out of heap', 'process.stderr.write("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\\n", () => process.exit(134));', { kind: 'memory', limitMb: 512 }],
    ['a thread that cannot start', 'process.stderr.write("uv_thread_create: Resource temporarily unavailable\\n", () => process.abort());', { kind: 'processes', limit: 64 }],
  ])('names the end of a child that dies: %s', async (_name, respond, want) => {
    const started = await startFake(respond);
    expect(!started.ok && started.failure).toMatchObject(want);
  });
});
