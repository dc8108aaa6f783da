import { ownModule } from '../io/package.js';
import { createHelper, type HelperOutcome } from '../io/helper-process.js';
import type { BundleOutcome } from './bundle.js';
import { DEFAULT_SOURCE_LIMITS, type SourceLimits } from './source-limits.js';

export interface BundlerRequest {
  readonly dir: string;
  readonly files: readonly string[];
  readonly limits: SourceLimits;
}

export type BundlerReply =
  | { readonly ok: true; readonly outcomes: readonly (readonly [string, BundleOutcome])[] }
  | { readonly ok: false; readonly message: string };

/** Bundles a submission's files in a process of its own. */
export interface Bundler {
  bundle(dir: string, files: readonly string[]): Promise<ReadonlyMap<string, BundleOutcome>>;
  /** Starts the bundler's process ahead of a first `bundle` (see HelperProcess.warm). @default nothing */
  warm?(): void;
  /** Ends the bundler's process; a later `bundle` starts another. */
  close(): void;
}

export interface BundlerOptions {
  /** Wall clock of one request, from the moment the bundler's process is ready (start-up not counted). @default 30 s */
  readonly timeMs?: number;
  /** Memory of the bundler's process and of esbuild's, each, MiB. @default 1024 */
  readonly memoryMb?: number;
  /** Size and nesting of a source file. @default DEFAULT_SOURCE_LIMITS */
  readonly sources?: SourceLimits;
}

/** What one request to one process gave: its outcomes, or how the process ended. */
type Attempt = { readonly ok: true; readonly outcomes: ReadonlyMap<string, BundleOutcome> } | { readonly ok: false; readonly reason: 'crash' | 'timeout' };

/**
 * esbuild in a process of the grader's own (grader/io/helper-process): memory-capped, started
 * on first use and started again after it dies, so a file that overflows esbuild's stack (an
 * array literal nested 300,000 deep), runs it out of memory or keeps it busy past `timeMs` costs
 * the exercises that import it, never the rest of the submission or a later one. Requests run
 * one at a time (a submission's build takes about 11 ms of CPU): when the process dies, the
 * request that killed it is the one that was running, and each of its files is then built alone
 * in a fresh process, so only the file at fault (and whatever imports it) gets the error.
 */
export function createBundler(options: BundlerOptions = {}): Bundler {
  const timeMs = options.timeMs ?? 30_000;
  const limits = options.sources ?? DEFAULT_SOURCE_LIMITS;
  const helper = createHelper<BundlerRequest, BundlerReply>({ script: ownModule(import.meta.url, 'bundler-host'), memoryMb: options.memoryMb ?? 1024, wallMs: timeMs });

  const attempt = async (dir: string, files: readonly string[]): Promise<Attempt> => {
    const outcome: HelperOutcome<BundlerReply> = await helper.request({ dir, files, limits });
    if (!outcome.ok) return outcome;
    if (outcome.reply.ok) return { ok: true, outcomes: new Map(outcome.reply.outcomes) };
    // esbuild's own process died under this request (its stack overflowed, say): the host goes
    // too, and the next request starts afresh.
    helper.close();
    return { ok: false, reason: 'crash' };
  };

  return {
    async bundle(dir, files) {
      const together = await attempt(dir, files);
      if (together.ok) return together.outcomes;
      const out = new Map<string, BundleOutcome>();
      for (const file of files) {
        const alone = files.length === 1 ? together : await attempt(dir, [file]);
        out.set(file, alone.ok ? alone.outcomes.get(file)! : { ok: false, kind: 'bundler', file, reason: alone.reason, limitMs: timeMs });
      }
      return out;
    },
    warm: () => helper.warm(),
    close: () => helper.close(),
  };
}
