import { fork, type ChildProcess } from 'node:child_process';
import { forkable } from '../io/package.js';
import { GraderError } from '../model/errors.js';
import type { SubmissionResult } from '../model/results.js';
import { gradeSubmission, type GradingEnvironment } from '../execute/grade-submission.js';
import type { GradeOptions } from '../execute/options.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol.js';

/** One submission's grading: its result, or why the grader could not produce one. */
export type JobOutcome = { readonly ok: true; readonly result: SubmissionResult } | { readonly ok: false; readonly message: string };

/** Grades submissions, `size` at a time. */
export interface GradingPool {
  readonly size: number;
  /** @param varyHidden the submission's identity for GradeOptions.varyHidden. @default none */
  grade(dir: string, varyHidden?: string): Promise<JobOutcome>;
  close(): Promise<void>;
}

function describe(e: unknown): string {
  if (e instanceof GraderError) return `[${e.code}] ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}

/**
 * Concurrent `gradeSubmission` calls in this process. Cheapest to start; a grader fault on one
 * submission becomes its outcome. A hostile child that signals its parent reaches the whole
 * batch here, which is why the CLI uses the process pool.
 */
export function inlinePool(env: GradingEnvironment, size: number, options: GradeOptions): GradingPool {
  return {
    size,
    async grade(dir, varyHidden) {
      try {
        return { ok: true, result: await gradeSubmission(env, dir, varyHidden !== undefined ? { ...options, varyHidden } : options) };
      } catch (e) {
        return { ok: false, message: describe(e) };
      }
    },
    async close() {},
  };
}

export interface ProcessPoolOptions {
  readonly size: number;
  readonly init: WorkerInit;
  /** The message of an outcome whose worker died mid-way. */
  readonly died: (detail: string) => string;
  /** A submission still not graded after this long has its worker killed. @default 10 minutes */
  readonly timeoutMs?: number;
}

interface Worker {
  readonly proc: ChildProcess;
  busy?: { resolve: (o: JobOutcome) => void; id: number; timer: NodeJS.Timeout; timedOut: boolean } | undefined;
}

/**
 * Grades in `size` worker processes, each with its own environment, one submission at a time
 * each. The parent's JS work (reference evaluation, comparison, diagnosis) then uses every core,
 * and a worker killed by a hostile submission, or stuck past the time-out, costs that submission
 * alone: its outcome says so and a fresh worker takes the next one.
 */
export async function processPool(options: ProcessPoolOptions): Promise<GradingPool> {
  const pool = new ProcessPool(options);
  await pool.start();
  return pool;
}

type Busy = NonNullable<Worker['busy']>;

/** The workers of `processPool`: idle ones, callers waiting for one, and those alive. */
class ProcessPool implements GradingPool {
  readonly size: number;
  private readonly entry = forkable(import.meta.url, 'worker');
  private readonly timeoutMs: number;
  private readonly idle: Worker[] = [];
  private readonly waiting: ((w: Worker | undefined) => void)[] = [];
  private live = 0;
  private nextId = 1;
  private closing = false;

  constructor(private readonly options: ProcessPoolOptions) {
    this.size = options.size;
    this.timeoutMs = options.timeoutMs ?? 600_000;
  }

  /**
   * Starts the workers together: a bad exercise or a missing dependency fails here, once, before
   * any submission is touched (a grader fault, exit 1).
   */
  async start(): Promise<void> {
    const workers = await Promise.all(Array.from({ length: this.size }, () => this.spawnWorker()));
    this.idle.push(...workers);
  }

  private spawnWorker(): Promise<Worker> {
    return new Promise((resolve, reject) => {
      const proc = fork(this.entry.script, [], { execArgv: [...this.entry.execArgv], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
      const worker: Worker = { proc };
      let ready = false;
      proc.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          ready = true;
          this.live += 1;
          resolve(worker);
        } else if (m.type === 'fatal') reject(new GraderError('INTERNAL', `a grading worker could not start: ${m.message}`));
        else this.answered(worker, m);
      });
      proc.on('exit', (code, signal) => {
        if (ready) this.exited(worker, signal ? `signal ${signal}` : `exit code ${code}`);
        else reject(new GraderError('INTERNAL', `a grading worker exited while starting (${signal ?? `exit code ${code}`})`));
      });
      proc.send({ type: 'init', init: this.options.init } satisfies ToWorker);
    });
  }

  /** The job a worker was doing, taken off it and its time-out cleared. */
  private finish(worker: Worker): Busy | undefined {
    const job = worker.busy;
    if (!job) return undefined;
    worker.busy = undefined;
    clearTimeout(job.timer);
    return job;
  }

  private answered(worker: Worker, m: Extract<FromWorker, { type: 'result' | 'error' }>): void {
    if (!worker.busy || m.id !== worker.busy.id) return;
    this.finish(worker)!.resolve(m.type === 'result' ? { ok: true, result: m.result } : { ok: false, message: m.message });
    // A retiring worker takes no other submission: its exit starts a fresh one.
    if (m.type === 'result' && m.retire) worker.proc.kill('SIGKILL');
    else this.release(worker);
  }

  /** A worker died (or was killed): its submission's outcome says so, and a fresh worker replaces it. */
  private exited(worker: Worker, how: string): void {
    this.live -= 1;
    const i = this.idle.indexOf(worker);
    if (i >= 0) this.idle.splice(i, 1);
    const job = this.finish(worker);
    if (job) job.resolve({ ok: false, message: this.options.died(job.timedOut ? `no result after ${Math.round(this.timeoutMs / 1000)} s` : how) });
    if (this.closing) return;
    this.spawnWorker().then((w) => this.release(w), () => {
      // No worker can start any more: whoever waits for one gets a fault instead of a hang.
      if (this.live === 0) for (const w of this.waiting.splice(0)) w(undefined);
    });
  }

  private release(w: Worker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  private acquire(): Promise<Worker | undefined> {
    const w = this.idle.pop();
    if (w) return Promise.resolve(w);
    if (this.live === 0 && this.closing) return Promise.resolve(undefined);
    return new Promise((res) => this.waiting.push(res));
  }

  async grade(dir: string, varyHidden?: string): Promise<JobOutcome> {
    const w = await this.acquire();
    if (!w) return { ok: false, message: this.options.died('no grading worker could be started') };
    return new Promise<JobOutcome>((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        if (w.busy?.id !== id) return;
        w.busy.timedOut = true;
        w.proc.kill('SIGKILL');
      }, this.timeoutMs);
      w.busy = { resolve, id, timer, timedOut: false };
      w.proc.send({ type: 'grade', id, dir, ...(varyHidden !== undefined ? { varyHidden } : {}) } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    const stopped = (w: Worker): Promise<void> =>
      new Promise<void>((res) => {
        if (w.proc.exitCode !== null || w.proc.signalCode !== null) return res();
        w.proc.once('exit', () => res());
        w.proc.send({ type: 'stop' } satisfies ToWorker);
      });
    await Promise.all([...this.idle].map(stopped));
  }
}
