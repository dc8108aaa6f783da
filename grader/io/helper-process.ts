import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { GraderError } from '../model/errors.js';

/**
 * A process of the grader's own for work on a student's data that must not run unbounded in
 * the grader (esbuild on a source file, TensorFlow.js rebuilding a model): memory-capped,
 * started on first use and again after it dies, one request at a time, each with a time budget
 * that starts when the process says it is ready, so a slow start on a busy machine spends the
 * start-up budget, never a request's.
 */
export interface HelperOptions {
  /** The host script (built JS, or TypeScript run with the tsx loader: see `ownModule`). It calls `serveHelper` once its modules are loaded. */
  readonly script: string;
  /** Arguments of the host script. @default none */
  readonly args?: readonly string[];
  /** Memory of the process, MiB: its V8 heap cap and, where `prlimit` exists, its data segment (wasm memory included). */
  readonly memoryMb: number;
  /** Wall clock of one request, from the moment it reaches a ready process, ms. */
  readonly wallMs: number;
  /** CPU time of one request, ms, where /proc tells it (on Linux); elsewhere the wall clock alone bounds it. @default none */
  readonly cpuMs?: number;
  /** From spawn to ready, ms: loading node, tsx and the host's modules on a busy machine. @default 120_000 */
  readonly startMs?: number;
}

/** How one request ended: the host's reply, or what became of the process. */
export type HelperOutcome<R> =
  | { readonly ok: true; readonly reply: R }
  | { readonly ok: false; readonly reason: 'crash' | 'timeout'; readonly budget?: 'wall' | 'cpu' };

export interface HelperProcess<Q, R> {
  request(payload: Q): Promise<HelperOutcome<R>>;
  /**
   * Starts the process now, for a request expected soon: its start-up overlaps other work. A
   * process started so and never asked keeps no one waiting: the grader may exit meanwhile.
   */
  warm(): void;
  /** Ends the process; a later request starts another. */
  close(): void;
}

/** What the host sends: once `{ ready: true }`, then one `{ id, reply }` per request. */
type HostMessage<R> = { readonly ready: true } | { readonly id: number; readonly reply: R };

const require = createRequire(import.meta.url);
const CPU_POLL_MS = 25;

/** This process's CPU time (user + system), ms, from /proc; undefined where there is none. */
export function cpuTimeMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    // Linux reports clock ticks of 1/100 s (USER_HZ) on every architecture node runs on.
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/** Where `prlimit` is, if installed (util-linux). */
export function prlimitPath(): string | undefined {
  for (const dir of ['/usr/bin', '/bin', '/usr/sbin', '/sbin']) {
    try {
      accessSync(`${dir}/prlimit`, constants.X_OK);
      return `${dir}/prlimit`;
    } catch {
      // Not there.
    }
  }
  return undefined;
}

/**
 * The command line: node with a heap cap under the whole budget, wrapped in `prlimit --data`
 * where it exists. Not `--as`: V8 reserves about 10 GiB of address space per WebAssembly memory
 * (esbuild's wasm lexer in tsx, TensorFlow.js' backend), which an address-space cap refuses;
 * the data segment counts what is actually mapped writable, heap and wasm memory alike.
 */
export function helperCommand(options: Pick<HelperOptions, 'script' | 'args' | 'memoryMb'>, host: { readonly prlimit: string | undefined } = { prlimit: prlimitPath() }): { command: string; args: string[] } {
  const { prlimit } = host;
  // A built host (dist/) runs as it is; a TypeScript one (the grader run from its sources) with tsx's loader.
  const loader = options.script.endsWith('.ts') ? ['--import', pathToFileURL(require.resolve('tsx/esm')).href] : [];
  const heapMb = Math.max(64, Math.floor(options.memoryMb / 2));
  const node = [`--max-old-space-size=${heapMb}`, ...loader, options.script, ...(options.args ?? [])];
  if (!prlimit) return { command: process.execPath, args: node };
  return { command: prlimit, args: [`--data=${options.memoryMb * 1024 * 1024}`, '--core=0', '--', process.execPath, ...node] };
}

/**
 * A host's environment: the grader's, without NODE_OPTIONS (flags meant for the grader) and
 * NODE_EXTRA_CA_CERTS (certificates for TLS, which no host speaks: node reads and parses the
 * file at every start, about 30 ms of CPU where it names the system's whole bundle).
 */
export function helperEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _certs, ...rest } = env;
  return { ...rest, NODE_OPTIONS: '' };
}

interface Running {
  readonly proc: ChildProcess;
  readonly ready: Promise<boolean>;
}

function startHost(options: HelperOptions, background = false): Running {
  const { command, args } = helperCommand(options);
  // Whatever the host prints (a crash of esbuild dumps megabytes of Go stack) is dropped.
  const proc = spawn(command, args, { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], env: helperEnv() });
  const ready = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      resolve(false);
    }, options.startMs ?? 120_000);
    if (background) timer.unref();
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      proc.off('message', onMessage);
      proc.off('exit', onExit);
      resolve(ok);
    };
    const onMessage = (m: HostMessage<unknown>): void => {
      if ('ready' in m) done(true);
    };
    const onExit = (): void => done(false);
    proc.on('message', onMessage);
    proc.on('exit', onExit);
    proc.on('error', onExit);
  });
  if (background) {
    proc.unref();
    proc.channel?.unref();
  }
  return { proc, ready };
}

/** Runs one request on a ready process, under its wall and CPU budgets. */
function ask<Q, R>(proc: ChildProcess, id: number, payload: Q, options: HelperOptions): Promise<HelperOutcome<R>> {
  return new Promise((resolve) => {
    let budget: 'wall' | 'cpu' | undefined;
    const stop = (which: 'wall' | 'cpu'): void => {
      budget = which;
      proc.kill('SIGKILL');
    };
    const wall = setTimeout(() => stop('wall'), options.wallMs);
    const cpuStart = options.cpuMs !== undefined && proc.pid !== undefined ? cpuTimeMs(proc.pid) : undefined;
    const poll = cpuStart === undefined ? undefined : setInterval(() => {
      const now = cpuTimeMs(proc.pid!);
      if (now !== undefined && now - cpuStart > options.cpuMs!) stop('cpu');
    }, CPU_POLL_MS);
    const done = (): void => {
      clearTimeout(wall);
      clearInterval(poll);
      proc.off('message', onMessage);
      proc.off('exit', onExit);
      proc.channel?.unref();
    };
    const onMessage = (m: HostMessage<R>): void => {
      if (!('id' in m) || m.id !== id || budget) return;
      done();
      resolve({ ok: true, reply: m.reply });
    };
    const onExit = (): void => {
      done();
      resolve(budget ? { ok: false, reason: 'timeout', budget } : { ok: false, reason: 'crash' });
    };
    proc.on('message', onMessage);
    proc.on('exit', onExit);
    proc.channel?.ref();
    proc.send({ id, payload });
  });
}

/**
 * Starts the helper lazily. A process that does not get ready within its start-up budget is a
 * fault of the grader (a missing package, a memory cap too small for node itself), thrown as a
 * `GraderError`, never blamed on the data of the request.
 */
export function createHelper<Q, R>(options: HelperOptions): HelperProcess<Q, R> {
  let running: Running | undefined;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  const start = (background = false): Running => {
    const host = startHost(options, background);
    host.proc.on('exit', () => {
      if (running === host) running = undefined;
    });
    return host;
  };

  const one = async (payload: Q): Promise<HelperOutcome<R>> => {
    const host = (running ??= start());
    // Held while this request waits on it (a warmed process holds nothing on its own).
    host.proc.ref();
    host.proc.channel?.ref();
    if (!(await host.ready)) {
      if (running === host) running = undefined;
      throw new GraderError('INTERNAL', `The grader's helper process ${options.script} did not start within ${options.startMs ?? 120_000} ms`);
    }
    // An idle helper keeps no one waiting: the grader may exit while it lives.
    host.proc.unref();
    const outcome = await ask<Q, R>(host.proc, nextId++, payload, options);
    if (!outcome.ok && running === host) running = undefined;
    return outcome;
  };

  return {
    request(payload) {
      const run = queue.then(() => one(payload));
      queue = run.catch(() => undefined);
      return run;
    },
    warm() {
      running ??= start(true);
    },
    close() {
      running?.proc.kill('SIGKILL');
      running = undefined;
    },
  };
}

/**
 * The host's side: says it is ready (call it once the host's modules are loaded), then answers
 * each request with `answer`'s result. The host exits with its parent.
 */
export function serveHelper<Q, R>(answer: (payload: Q) => Promise<R>): void {
  process.on('message', (m: { readonly id: number; readonly payload: Q }) => {
    answer(m.payload).then(
      (reply) => process.send?.({ id: m.id, reply } satisfies HostMessage<R>),
      // The host's own code failed: the parent sees a crash and starts another.
      () => process.exit(70),
    );
  });
  exitWithParent();
  process.send?.({ ready: true } satisfies HostMessage<R>);
}

/**
 * The host exits when its parent goes: at once if the channel already closed (a parent that
 * went while the host was still loading, before anyone listened), else when it closes.
 */
export function exitWithParent(): void {
  process.once('disconnect', () => process.exit(0));
  if (process.connected === false) process.exit(0);
}
