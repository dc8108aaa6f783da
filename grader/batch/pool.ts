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
  const entry = forkable(import.meta.url, 'worker');
  const timeoutMs = options.timeoutMs ?? 600_000;
  const idle: Worker[] = [];
  const waiting: ((w: Worker | undefined) => void)[] = [];
  let live = 0;
  let nextId = 1;
  let closing = false;

  const spawnWorker = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const proc = fork(entry.script, [], { execArgv: [...entry.execArgv], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
      const worker: Worker = { proc };
      let ready = false;
      proc.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          ready = true;
          live += 1;
          resolve(worker);
        } else if (m.type === 'fatal') {
          reject(new GraderError('INTERNAL', `a grading worker could not start: ${m.message}`));
        } else if (worker.busy && m.id === worker.busy.id) {
          const job = worker.busy;
          worker.busy = undefined;
          clearTimeout(job.timer);
          job.resolve(m.type === 'result' ? { ok: true, result: m.result } : { ok: false, message: m.message });
          // A retiring worker takes no other submission: its exit starts a fresh one.
          if (m.type === 'result' && m.retire) worker.proc.kill('SIGKILL');
          else release(worker);
        }
      });
      proc.on('exit', (code, signal) => {
        if (!ready) {
          reject(new GraderError('INTERNAL', `a grading worker exited while starting (${signal ?? `exit code ${code}`})`));
          return;
        }
        live -= 1;
        const i = idle.indexOf(worker);
        if (i >= 0) idle.splice(i, 1);
        if (worker.busy) {
          const job = worker.busy;
          worker.busy = undefined;
          clearTimeout(job.timer);
          const detail = job.timedOut ? `no result after ${Math.round(timeoutMs / 1000)} s` : signal ? `signal ${signal}` : `exit code ${code}`;
          job.resolve({ ok: false, message: options.died(detail) });
        }
        if (closing) return;
        spawnWorker().then(release, () => {
          // No worker can start any more: whoever waits for one gets a fault instead of a hang.
          if (live === 0) for (const w of waiting.splice(0)) w(undefined);
        });
      });
      proc.send({ type: 'init', init: options.init } satisfies ToWorker);
    });

  const release = (w: Worker): void => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  const acquire = (): Promise<Worker | undefined> => {
    const w = idle.pop();
    if (w) return Promise.resolve(w);
    if (live === 0 && closing) return Promise.resolve(undefined);
    return new Promise((res) => waiting.push(res));
  };

  // Start them together: a bad exercise or a missing dependency fails here, once, before any
  // submission is touched (a grader fault, exit 1).
  const workers = await Promise.all(Array.from({ length: options.size }, spawnWorker));
  idle.push(...workers);

  return {
    size: options.size,
    async grade(dir, varyHidden) {
      const w = await acquire();
      if (!w) return { ok: false, message: options.died('no grading worker could be started') };
      return new Promise<JobOutcome>((resolve) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          if (w.busy?.id !== id) return;
          w.busy.timedOut = true;
          w.proc.kill('SIGKILL');
        }, timeoutMs);
        w.busy = { resolve, id, timer, timedOut: false };
        w.proc.send({ type: 'grade', id, dir, ...(varyHidden !== undefined ? { varyHidden } : {}) } satisfies ToWorker);
      });
    },
    async close() {
      closing = true;
      const all = [...idle];
      await Promise.all(
        all.map(
          (w) =>
            new Promise<void>((res) => {
              if (w.proc.exitCode !== null || w.proc.signalCode !== null) return res();
              w.proc.once('exit', () => res());
              w.proc.send({ type: 'stop' } satisfies ToWorker);
            }),
        ),
      );
    },
  };
}
