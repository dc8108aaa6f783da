import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { Launcher, LaunchRequest } from './launcher.js';
import type { CaseReply, FromChild, ToChild } from './protocol.js';
import type { Arg, Step } from './steps.js';
import { encodeValue } from './wire.js';

/** Why a child stopped answering: each names the limit or event, for the student's message. */
export type SandboxFailure =
  | { readonly kind: 'timeout'; readonly limitMs: number }
  | { readonly kind: 'output-limit'; readonly limitBytes: number }
  | { readonly kind: 'memory'; readonly limitMb: number }
  | { readonly kind: 'crash'; readonly code: number | null; readonly signal: string | null; readonly stderr: string }
  | { readonly kind: 'protocol'; readonly detail: string }
  | { readonly kind: 'load-error'; readonly name: string; readonly message: string; readonly stack?: string };

export interface SessionLimits {
  readonly timeMs: number;
  readonly memoryMb: number;
  readonly outputBytes: number;
  readonly processes: number;
  /** Most numbers one answer may hold. */
  readonly maxItems: number;
}

export interface SessionOptions {
  readonly launcher: Launcher;
  readonly launch: Omit<LaunchRequest, 'memoryMb' | 'processes'>;
  readonly limits: SessionLimits;
  /** The student's bundled module (ESM). */
  readonly code: string;
  readonly exports: readonly string[];
}

export type StartOutcome =
  | { readonly ok: true; readonly session: Session; readonly exports: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly failure: SandboxFailure; readonly logs: string };

export type RunOutcome =
  | { readonly ok: true; readonly cases: readonly CaseReply[] }
  | { readonly ok: false; readonly failure: SandboxFailure };

const LOG_CAP = 8 * 1024;
const INPUT_LIMITS = { maxItems: 50_000_000, maxDepth: 64 };

function encodeArg(arg: Arg): Arg {
  return 'data' in arg ? { data: encodeValue(arg.data, INPUT_LIMITS) } : arg;
}

/** Step data in wire form: JSON alone would turn NaN into null and drop undefined. */
function encodeStep(step: Step): Step {
  switch (step.op) {
    case 'set':
      return { ...step, value: encodeArg(step.value) };
    default:
      return { ...step, args: step.args.map(encodeArg) };
  }
}

/**
 * One sandboxed child for one exercise of one submission. Requests are answered in order; a
 * request that hits a limit kills the child's whole process group and fails with the limit's
 * name. A dead session answers every later request with the same failure.
 */
export class Session {
  private readonly child: ChildProcess;
  private readonly limits: SessionLimits;
  private logs = '';
  private buffer = '';
  private received = 0;
  private nextId = 1;
  private dead: SandboxFailure | undefined;
  private waiter: ((m: FromChild | SandboxFailure) => void) | undefined;

  private constructor(child: ChildProcess, limits: SessionLimits) {
    this.child = child;
    this.limits = limits;
    const capture = (s: Readable | null): void => {
      s?.on('data', (d: Buffer) => {
        if (this.logs.length < LOG_CAP) this.logs += d.toString('utf8').slice(0, LOG_CAP - this.logs.length);
      });
    };
    capture(child.stdout);
    capture(child.stderr);
    const protocol = child.stdio[3] as Readable;
    protocol.on('data', (d: Buffer) => this.onData(d));
    child.on('exit', (code, signal) => {
      const failure: SandboxFailure =
        signal === 'SIGKILL' && this.dead === undefined
          ? { kind: 'memory', limitMb: limits.memoryMb }
          : { kind: 'crash', code, signal, stderr: this.logs.slice(-2000) };
      this.fail(this.classifyExit(failure));
    });
    child.on('error', (e) => this.fail({ kind: 'crash', code: null, signal: null, stderr: String(e) }));
    child.stdin?.on('error', () => undefined);
  }

  /** Starts the child and loads the student's module in it. */
  static async start(options: SessionOptions): Promise<StartOutcome> {
    const spec = options.launcher.spec({ ...options.launch, memoryMb: options.limits.memoryMb, processes: options.limits.processes });
    const child = spawn(spec.command, spec.args, {
      env: spec.env,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const session = new Session(child, options.limits);
    session.send({ type: 'init', code: options.code, exports: options.exports, maxItems: options.limits.maxItems });
    const reply = await session.next(options.limits.timeMs);
    if ('kind' in reply) {
      session.kill();
      return { ok: false, failure: reply, logs: session.logs };
    }
    if (reply.type === 'load-error') {
      session.kill();
      const { type: _t, ...error } = reply;
      return { ok: false, failure: { kind: 'load-error', ...error }, logs: session.logs };
    }
    if (reply.type !== 'ready') {
      session.kill();
      return { ok: false, failure: { kind: 'protocol', detail: 'expected ready' }, logs: session.logs };
    }
    return { ok: true, session, exports: reply.exports };
  }

  /** What the student's code printed so far (capped). */
  get output(): string {
    return this.logs;
  }

  /** Runs cases in the child; one answer per case, in order, or the failure that stopped it. */
  async run(cases: readonly (readonly Step[])[], timeMs = this.limits.timeMs): Promise<RunOutcome> {
    if (this.dead) return { ok: false, failure: this.dead };
    const id = this.nextId++;
    this.send({ type: 'run', id, cases: cases.map((steps) => steps.map(encodeStep)) });
    const reply = await this.next(timeMs);
    if ('kind' in reply) return { ok: false, failure: reply };
    if (reply.type !== 'result' || reply.id !== id || !Array.isArray(reply.cases) || reply.cases.length !== cases.length) {
      const failure: SandboxFailure = { kind: 'protocol', detail: 'the answer does not match the request' };
      this.fail(failure);
      return { ok: false, failure };
    }
    return { ok: true, cases: reply.cases };
  }

  /** Ends the child and everything it started. */
  close(): void {
    this.kill();
  }

  private send(message: ToChild): void {
    if (this.dead) return;
    this.child.stdin?.write(JSON.stringify(message) + '\n');
  }

  private next(timeMs: number): Promise<FromChild | SandboxFailure> {
    if (this.dead) return Promise.resolve(this.dead);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const failure: SandboxFailure = { kind: 'timeout', limitMs: timeMs };
        this.fail(failure);
      }, timeMs);
      this.waiter = (m) => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(m);
      };
    });
  }

  private onData(d: Buffer): void {
    this.received += d.length;
    if (this.received > this.limits.outputBytes) {
      this.fail({ kind: 'output-limit', limitBytes: this.limits.outputBytes });
      return;
    }
    this.buffer += d.toString('utf8');
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      let message: FromChild;
      try {
        message = JSON.parse(line) as FromChild;
      } catch {
        this.fail({ kind: 'protocol', detail: 'the child sent something that is not JSON' });
        return;
      }
      if (this.waiter) this.waiter(message);
      else this.fail({ kind: 'protocol', detail: 'the child sent a message nobody asked for' });
    }
  }

  private classifyExit(failure: SandboxFailure): SandboxFailure {
    if (failure.kind !== 'crash') return failure;
    const text = failure.stderr;
    if (/heap out of memory|Allocation failed|Cannot allocate|RangeError: Array buffer allocation failed|std::bad_alloc/i.test(text)) {
      return { kind: 'memory', limitMb: this.limits.memoryMb };
    }
    return failure;
  }

  private fail(failure: SandboxFailure): void {
    if (this.dead) return;
    this.dead = failure;
    this.kill();
    this.waiter?.(failure);
  }

  private kill(): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
