import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:os';
import type { Readable } from 'node:stream';
import { validator } from '../schema/validate.js';
import type { Launcher, LaunchRequest } from './launcher.js';
import { FromChildSchema, type CaseReply, type FromChild, type ToChild } from './protocol.js';
import type { Step } from './steps.js';
import { createCaseEncoder, type CaseEncoder } from './case-encoder.js';
import { spawnChild } from './spawn.js';
import { RequestClock, type ClockPhase } from './clock.js';

/**
 * What was wrong with what a child sent, as a code: grader/i18n words it (grading.protocolProblem).
 * `dry-run` is the pack's dry runs, which have no child.
 */
export const PROTOCOL_PROBLEMS = ['dirty-fresh-child', 'not-ready', 'unknown-exports', 'answer-mismatch', 'closed', 'not-json', 'unknown-form', 'unasked', 'foreign-clock', 'dry-run'] as const;
export type ProtocolProblem = (typeof PROTOCOL_PROBLEMS)[number];

/** Why a child stopped answering: each names the limit or event, for the student's message. */
export type SandboxFailure =
  | { readonly kind: 'timeout'; readonly limitMs: number }
  /**
   * The grader's own work (starting the child, loading its runner and the packages the grader
   * provides, passing an answer back) outran its budget: a busy or broken grading machine, not
   * the student's code.
   */
  | { readonly kind: 'grader-time'; readonly limitMs: number }
  | { readonly kind: 'output-limit'; readonly limitBytes: number }
  | { readonly kind: 'print-limit'; readonly limitBytes: number }
  | { readonly kind: 'memory'; readonly limitMb: number }
  | { readonly kind: 'processes'; readonly limit: number }
  | { readonly kind: 'crash'; readonly code: number | null; readonly signal: string | null; readonly stderr: string }
  | { readonly kind: 'protocol'; readonly problem: ProtocolProblem }
  | { readonly kind: 'load-error'; readonly name: string; readonly message: string; readonly stack?: string }
  /** The module changed JavaScript's built-ins at import (Math.abs, Array.prototype.every...). */
  | { readonly kind: 'patched'; readonly changes: readonly string[] };

export interface SessionLimits {
  /**
   * Wall-clock time the student's code may take in one request (importing the module, or one
   * run), ms. Starting the child and the grader's own work count against `graderMs` instead.
   */
  readonly timeMs: number;
  /** Wall-clock time the grader's own work may take in one request, ms (see RequestClock). */
  readonly graderMs: number;
  readonly memoryMb: number;
  /** Largest answer to one request, and most the student's code may print in the whole session. */
  readonly outputBytes: number;
  readonly processes: number;
  /** Most numbers one answer may hold. */
  readonly maxItems: number;
}

export interface SessionOptions {
  readonly launcher: Launcher;
  readonly launch: Omit<LaunchRequest, 'memoryMb' | 'processes' | 'cpuSeconds'>;
  readonly limits: SessionLimits;
  /** The student's bundled module (ESM). */
  readonly code: string;
  readonly exports: readonly string[];
  /**
   * What the module imports that the grader provides (its bundle's externals: tfjs, node:fs),
   * imported before it on the grader's clock. @default []
   */
  readonly preload?: readonly string[];
  /** Encodes the cases sent to the child; share one to encode each memoised case once. @default one per session */
  readonly encoder?: CaseEncoder;
}

/**
 * What fixes a child when it starts: all a child booted ahead must have been started with (see
 * Session.boot). A child booted with `preload` imports those packages while it waits for its module.
 */
export type BootOptions = Pick<SessionOptions, 'launcher' | 'launch' | 'limits' | 'encoder' | 'preload'>;

export type StartOutcome =
  | { readonly ok: true; readonly session: Session; readonly exports: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly failure: SandboxFailure; readonly logs: string };

/** A module loaded into a running child: ready, the student's fault, or a child left changed by the previous one. */
export type LoadOutcome =
  | { readonly ok: true; readonly exports: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly failure: SandboxFailure; readonly logs: string }
  | { readonly ok: false; readonly dirty: readonly string[] };

/** What changes from one module to the next in the same child; memory and processes are fixed at spawn. */
export type ModuleToLoad = Pick<SessionOptions, 'code' | 'exports' | 'limits' | 'preload'>;

export type RunOutcome =
  | { readonly ok: true; readonly cases: readonly CaseReply[] }
  | { readonly ok: false; readonly failure: SandboxFailure };

/** What the student printed that `output` keeps (the start of it), and the end of stderr kept to classify a crash. */
const LOG_CAP = 8 * 1024;
const TAIL_CAP = 4 * 1024;
/** After `exit`, how long the protocol pipe may still deliver a last answer. */
const EXIT_GRACE_MS = 100;
/** A CPU-time backstop of this many request time limits: only a child whose grader died reaches it. */
const CPU_BUDGET_REQUESTS = 20;

/** What a child is started with for a module with these limits: also what a child booted ahead must match (see `bootKey`). */
export function launchRequest(launch: SessionOptions['launch'], limits: Pick<SessionLimits, 'memoryMb' | 'processes' | 'timeMs' | 'graderMs'>): LaunchRequest {
  return { ...launch, memoryMb: limits.memoryMb, processes: limits.processes, cpuSeconds: Math.ceil(((limits.timeMs + limits.graderMs) * CPU_BUDGET_REQUESTS) / 1000) + 10 };
}

/** Two children with the same key were started alike: one booted ahead may serve options with its key. */
export function bootKey(options: Pick<BootOptions, 'launch' | 'limits' | 'preload'>): string {
  return JSON.stringify([launchRequest(options.launch, options.limits), options.preload ?? []]);
}

const validateMessage = validator(FromChildSchema);

/** How many outputs a case yields: one per `call` and `invoke` step. */
function outputCount(steps: readonly Step[]): number {
  return steps.filter((s) => s.op === 'call' || s.op === 'invoke').length;
}

/** Wrappers such as bwrap report a child killed by signal N as exit code 128 + N. */
function signalOf(code: number | null, signal: string | null): string | null {
  if (signal || code === null || code <= 128) return signal;
  const name = Object.entries(constants.signals).find(([, n]) => n === code - 128)?.[0];
  return name ?? null;
}

/** A memory bomb made of typed arrays throws this catchable error instead of killing the process. */
function isAllocationFailure(error: { readonly name: string; readonly message: string }): boolean {
  return error.name === 'RangeError' && /allocation failed/i.test(error.message);
}

/**
 * One sandboxed child for one exercise of one submission. Requests are answered in order; a
 * request that hits a limit kills the child's whole process group and fails with the limit's
 * name. A dead session answers every later request with the same failure. Everything the child
 * sends is checked against the protocol schema and the request before it is used; anything else
 * is a `protocol` failure of this child, never an exception in the grader.
 */
export class Session {
  private readonly child: ChildProcess;
  private limits: SessionLimits;
  private logs = '';
  private printed = 0;
  private stderrTail = '';
  private chunks: Buffer[] = [];
  private received = 0;
  private nextId = 1;
  private exitTimer: NodeJS.Timeout | undefined;
  private dead: SandboxFailure | undefined;
  private waiter: ((m: FromChild | SandboxFailure) => void) | undefined;
  private clock: RequestClock | undefined;
  private studentSpent = 0;
  /** Marks the runner's clock messages (see ToChild `init`). */
  private readonly token = randomBytes(12).toString('hex');

  private readonly encoder: CaseEncoder;
  /** The `bootKey` of the options this child was started with. */
  readonly startedAs: string;

  private constructor(child: ChildProcess, options: BootOptions) {
    const limits = options.limits;
    this.startedAs = bootKey(options);
    this.encoder = options.encoder ?? createCaseEncoder();
    this.child = child;
    this.limits = limits;
    const capture = (s: Readable | null): void => {
      s?.on('error', () => undefined);
      s?.on('data', (d: Buffer) => {
        this.printed += d.length;
        if (this.logs.length < LOG_CAP) this.logs += d.toString('utf8').slice(0, LOG_CAP - this.logs.length);
        if (this.printed > this.limits.outputBytes) this.fail({ kind: 'print-limit', limitBytes: this.limits.outputBytes });
      });
    };
    capture(child.stdout);
    capture(child.stderr);
    // Node and V8 report running out of memory or threads on stderr, at its end.
    child.stderr?.on('data', (d: Buffer) => {
      this.stderrTail = (this.stderrTail + d.toString('utf8')).slice(-TAIL_CAP);
    });
    const protocol = child.stdio[3] as Readable;
    protocol.on('error', () => undefined);
    protocol.on('data', (d: Buffer) => this.onData(d));
    child.on('exit', (code, signal) => {
      const failure = this.classifyExit(code, signal);
      // A last answer written just before exiting may still be in the pipe: let it arrive first.
      this.exitTimer = setTimeout(() => this.fail(failure), EXIT_GRACE_MS);
      protocol.once('close', () => {
        clearTimeout(this.exitTimer);
        this.fail(failure);
      });
    });
    child.on('error', (e) => this.fail({ kind: 'crash', code: null, signal: null, stderr: String(e).slice(0, 2000) }));
    child.stdin?.on('error', () => undefined);
  }

  /**
   * Starts a child that boots node and the runner, then waits for its first module (see `load`):
   * started ahead of the phase that will use it, so that the boot overlaps earlier checks.
   */
  static boot(options: BootOptions): Session {
    const spec = options.launcher.spec(launchRequest(options.launch, options.limits));
    const session = new Session(options.launcher.spawn?.(spec) ?? spawnChild(spec), options);
    if (options.preload && options.preload.length > 0) session.send({ type: 'preload', preload: options.preload });
    return session;
  }

  /**
   * Loads the student's module in a fresh child: `booted`, one booted ahead with the same
   * `bootKey` that has run nothing yet, else one started now.
   */
  static async start(options: SessionOptions, booted?: Session): Promise<StartOutcome> {
    const session = booted ?? Session.boot(options);
    const loaded = await session.load(options);
    if (loaded.ok) return { ok: true, session, exports: loaded.exports };
    // A fresh child has run no student code: it cannot report changes.
    if ('dirty' in loaded) return { ok: false, failure: { kind: 'protocol', problem: 'dirty-fresh-child' }, logs: '' };
    return loaded;
  }

  /**
   * Loads a module into this child: the first exercise at start, and a later exercise of the same
   * submission when the child was left as it was (else `dirty`, and the child is ended). What the
   * code prints and the answer limits are counted afresh for each module.
   */
  async load(module: ModuleToLoad): Promise<LoadOutcome> {
    if (this.dead) return { ok: false, failure: this.dead, logs: this.logs };
    const { limits } = module;
    this.limits = { ...limits, memoryMb: this.limits.memoryMb, processes: this.limits.processes };
    this.logs = '';
    this.printed = 0;
    this.send({
      type: 'init',
      code: module.code,
      exports: module.exports,
      maxItems: limits.maxItems,
      maxBytes: limits.outputBytes,
      token: this.token,
      preload: module.preload ?? [],
    });
    // Starting the child, loading the runner and the provided packages, and comparing a reused
    // child with its baseline are the grader's: the runner says when the student's import begins.
    const reply = await this.next('grader');
    const refuse = (failure: SandboxFailure): LoadOutcome => {
      this.fail(failure);
      return { ok: false, failure, logs: this.logs };
    };
    if ('kind' in reply) return { ok: false, failure: reply, logs: this.logs };
    if (reply.type === 'dirty') {
      this.close();
      return { ok: false, dirty: reply.reasons };
    }
    if (reply.type === 'load-error') {
      const { type: _t, ...error } = reply;
      return refuse(isAllocationFailure(error) ? { kind: 'memory', limitMb: limits.memoryMb } : { kind: 'load-error', ...error });
    }
    if (reply.type === 'patched') return refuse({ kind: 'patched', changes: reply.changes });
    if (reply.type !== 'ready') return refuse({ kind: 'protocol', problem: 'not-ready' });
    const unknown = Object.keys(reply.exports).filter((name) => !module.exports.includes(name));
    if (unknown.length > 0) return refuse({ kind: 'protocol', problem: 'unknown-exports' });
    return { ok: true, exports: reply.exports };
  }

  /** False once the child has hit a limit, crashed or been closed. */
  get alive(): boolean {
    return this.dead === undefined;
  }

  /**
   * Time on the student's clock over every request this child answered or failed, ms: what a
   * budget over several requests counts, without the grader's own work (see RequestClock).
   */
  get studentMs(): number {
    return this.studentSpent;
  }

  /** What the student's code printed so far (its first 8 KiB). */
  get output(): string {
    return this.logs;
  }

  /**
   * Runs cases in the child; one answer per case, in order, or the failure that stopped it. The
   * student's clock runs from the request until the runner has encoded the last answer: code left
   * running in timers may run any time in between, so that time is the student's.
   */
  async run(cases: readonly (readonly Step[])[]): Promise<RunOutcome> {
    if (this.dead) return { ok: false, failure: this.dead };
    const id = this.nextId++;
    this.received = 0;
    this.sendRun(id, cases);
    const reply = await this.next('student');
    if ('kind' in reply) return { ok: false, failure: reply };
    const fits =
      reply.type === 'result' &&
      reply.id === id &&
      reply.cases.length === cases.length &&
      reply.cases.every((c, i) => !c.ok || c.outputs.length === outputCount(cases[i]!));
    if (!fits) return this.failRun({ kind: 'protocol', problem: 'answer-mismatch' });
    if (reply.cases.some((c) => !c.ok && c.fault.kind === 'threw' && isAllocationFailure(c.fault.error))) return this.failRun({ kind: 'memory', limitMb: this.limits.memoryMb });
    return { ok: true, cases: reply.cases };
  }

  /** Ends the child and everything it started. */
  close(): void {
    this.fail({ kind: 'protocol', problem: 'closed' });
  }

  private failRun(failure: SandboxFailure): RunOutcome {
    this.fail(failure);
    return { ok: false, failure };
  }

  private send(message: ToChild): void {
    if (this.dead) return;
    this.child.stdin?.write(JSON.stringify(message) + '\n');
  }

  /** A `run` message, written from each case's encoded bytes: the JSON of `{ type: 'run', id, cases }`. */
  private sendRun(id: number, cases: readonly (readonly Step[])[]): void {
    if (this.dead) return;
    const parts: Buffer[] = [Buffer.from(`{"type":"run","id":${id},"cases":[`)];
    cases.forEach((steps, i) => {
      if (i > 0) parts.push(Buffer.from(','));
      parts.push(this.encoder.encode(steps));
    });
    parts.push(Buffer.from(']}\n'));
    this.child.stdin?.write(Buffer.concat(parts));
  }

  /** The child's next answer, or the failure of the limit it hit first; the clock starts in `phase`. */
  private next(phase: ClockPhase): Promise<Exclude<FromChild, { type: 'clock' }> | SandboxFailure> {
    if (this.dead) return Promise.resolve(this.dead);
    const { timeMs, graderMs } = this.limits;
    return new Promise((resolve) => {
      this.clock = new RequestClock({ student: timeMs, grader: graderMs }, phase, (expired) =>
        this.fail(expired === 'student' ? { kind: 'timeout', limitMs: timeMs } : { kind: 'grader-time', limitMs: graderMs }),
      );
      this.waiter = (m) => {
        this.studentSpent += this.clock?.spent().student ?? 0;
        this.clock?.stop();
        this.clock = undefined;
        this.waiter = undefined;
        resolve(m as Exclude<FromChild, { type: 'clock' }> | SandboxFailure);
      };
    });
  }

  private onData(d: Buffer): void {
    if (this.dead) return;
    this.received += d.length;
    if (this.received > this.limits.outputBytes) {
      this.fail({ kind: 'output-limit', limitBytes: this.limits.outputBytes });
      return;
    }
    // Only the new chunk is searched: a long line arriving in many chunks costs linear time.
    let start = 0;
    let nl: number;
    while ((nl = d.indexOf(10, start)) >= 0) {
      this.chunks.push(d.subarray(start, nl));
      const line = Buffer.concat(this.chunks).toString('utf8');
      this.chunks = [];
      start = nl + 1;
      this.onLine(line);
      if (this.dead) return;
    }
    if (start < d.length) this.chunks.push(d.subarray(start));
  }

  private onLine(line: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      this.fail({ kind: 'protocol', problem: 'not-json' });
      return;
    }
    const message = validateMessage(parsed);
    if (!message.ok) {
      this.fail({ kind: 'protocol', problem: 'unknown-form' });
      return;
    }
    if (!this.waiter) this.fail({ kind: 'protocol', problem: 'unasked' });
    else if (message.value.type !== 'clock') this.waiter(message.value);
    else if (message.value.token !== this.token) this.fail({ kind: 'protocol', problem: 'foreign-clock' });
    else this.clock?.switchTo(message.value.phase);
  }

  private classifyExit(code: number | null, rawSignal: string | null): SandboxFailure {
    const signal = signalOf(code, rawSignal);
    const text = this.stderrTail;
    if (/heap out of memory|Allocation failed|Cannot allocate|Array buffer allocation failed|std::bad_alloc|Fatal process out of memory/i.test(text)) {
      return { kind: 'memory', limitMb: this.limits.memoryMb };
    }
    if (/Resource temporarily unavailable|uv_thread_create|EAGAIN/.test(text)) return { kind: 'processes', limit: this.limits.processes };
    // SIGKILL from outside (the kernel's out-of-memory killer) or SIGXCPU (prlimit's CPU backstop).
    if (signal === 'SIGKILL') return { kind: 'memory', limitMb: this.limits.memoryMb };
    if (signal === 'SIGXCPU') return { kind: 'timeout', limitMs: this.limits.timeMs };
    return { kind: 'crash', code: rawSignal ? null : code, signal, stderr: text.slice(-2000) };
  }

  private fail(failure: SandboxFailure): void {
    if (this.dead) return;
    this.dead = failure;
    clearTimeout(this.exitTimer);
    this.kill();
    this.chunks = [];
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
    this.child.stdin?.destroy();
  }
}
