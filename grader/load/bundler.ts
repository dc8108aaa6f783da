import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BundleOutcome } from './bundle.js';
import { DEFAULT_SOURCE_LIMITS, type SourceLimits } from './source-limits.js';

export interface BundlerRequest {
  readonly id: number;
  readonly dir: string;
  readonly files: readonly string[];
  readonly limits: SourceLimits;
}

export type BundlerReply =
  | { readonly id: number; readonly ok: true; readonly outcomes: readonly (readonly [string, BundleOutcome])[] }
  | { readonly id: number; readonly ok: false; readonly message: string };

/** Bundles a submission's files in a process of its own. */
export interface Bundler {
  bundle(dir: string, files: readonly string[]): Promise<ReadonlyMap<string, BundleOutcome>>;
  /** Ends the bundler's process; a later `bundle` starts another. */
  close(): void;
}

export interface BundlerOptions {
  /** Wall clock of one request before the bundler's process is killed. @default 30 s */
  readonly timeMs?: number;
  /** Size and nesting of a source file. @default DEFAULT_SOURCE_LIMITS */
  readonly sources?: SourceLimits;
}

const require = createRequire(import.meta.url);

/** What one request to one process gave: its outcomes, or how the process ended. */
type Attempt = { readonly ok: true; readonly outcomes: ReadonlyMap<string, BundleOutcome> } | { readonly ok: false; readonly reason: 'crash' | 'timeout' };

/**
 * esbuild in a process of the grader's own, started on first use and started again after it
 * dies: a file that overflows esbuild's stack (an array literal nested 300,000 deep) or keeps it
 * busy past `timeMs` costs the exercises that import it, never the rest of the submission or a
 * later one. Requests run one at a time (a submission's build takes about 11 ms of CPU): when
 * the process dies, the request that killed it is the one that was running, and each of its
 * files is then built alone in a fresh process, so only the file at fault (and whatever imports
 * it) gets the error. Whatever esbuild prints (a crash dumps megabytes of Go stack) is dropped.
 */
export function createBundler(options: BundlerOptions = {}): Bundler {
  const timeMs = options.timeMs ?? 30_000;
  const limits = options.sources ?? DEFAULT_SOURCE_LIMITS;
  const script = join(import.meta.dirname, 'bundler-host.ts');
  const loader = pathToFileURL(require.resolve('tsx/esm')).href;
  let proc: ChildProcess | undefined;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  const start = (): ChildProcess => {
    const p = fork(script, [], { execArgv: ['--import', loader], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    // An idle bundler keeps no one waiting: the grader may exit while it lives.
    p.unref();
    p.channel?.unref();
    p.on('exit', () => {
      if (proc === p) proc = undefined;
    });
    return p;
  };

  const attempt = (dir: string, files: readonly string[]): Promise<Attempt> => {
    const p = (proc ??= start());
    const id = nextId++;
    return new Promise<Attempt>((resolve) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        p.kill('SIGKILL');
      }, timeMs);
      const done = (): void => {
        clearTimeout(timer);
        p.off('message', onMessage);
        p.off('exit', onExit);
        p.channel?.unref();
      };
      const onMessage = (m: BundlerReply): void => {
        if (m.id !== id) return;
        done();
        if (m.ok) return resolve({ ok: true, outcomes: new Map(m.outcomes) });
        // esbuild's own process died under this request (its stack overflowed, say): this one
        // goes too, and the next request starts afresh.
        p.kill('SIGKILL');
        if (proc === p) proc = undefined;
        resolve({ ok: false, reason: 'crash' });
      };
      const onExit = (): void => {
        done();
        if (proc === p) proc = undefined;
        resolve({ ok: false, reason: timedOut ? 'timeout' : 'crash' });
      };
      p.on('message', onMessage);
      p.on('exit', onExit);
      p.channel?.ref();
      p.send({ id, dir, files, limits } satisfies BundlerRequest);
    });
  };

  const bundle = async (dir: string, files: readonly string[]): Promise<ReadonlyMap<string, BundleOutcome>> => {
    const together = await attempt(dir, files);
    if (together.ok) return together.outcomes;
    const out = new Map<string, BundleOutcome>();
    for (const file of files) {
      const alone = files.length === 1 ? together : await attempt(dir, [file]);
      out.set(file, alone.ok ? alone.outcomes.get(file)! : { ok: false, kind: 'bundler', file, reason: alone.reason, limitMs: timeMs });
    }
    return out;
  };

  return {
    bundle(dir, files) {
      const run = queue.then(() => bundle(dir, files));
      queue = run.catch(() => undefined);
      return run;
    },
    close() {
      proc?.kill('SIGKILL');
      proc = undefined;
    },
  };
}
