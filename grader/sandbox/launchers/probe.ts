import type { Launcher } from '../launcher.js';
import { Session, type SandboxFailure } from '../session.js';

export interface ProbeRequest {
  /** The bundled child runner. */
  readonly childScript: string;
  /** Folders the child may read besides the runner's. */
  readonly readPaths: readonly string[];
}

export type ProbeOutcome = { readonly ok: true } | { readonly ok: false; readonly detail: string };

/**
 * The probe's limits: generous on the grader's clock, since a probe that timed out on a busy
 * machine would pick a weaker launcher; its small heap also tells a probe's child from a grading
 * one (tests/batch.test.ts).
 */
export const PROBE_LIMITS = { timeMs: 15_000, graderMs: 60_000, memoryMb: 512, outputBytes: 64 * 1024, processes: 64, maxItems: 16 };

/** The module a probe loads: a child that answers it ran the whole chain. */
export const PROBE_MODULE = { code: 'export const probe = 1;\n', exports: ['probe'] } as const;

function describe(failure: SandboxFailure, logs: string): string {
  const first = logs.trim().split('\n')[0]?.slice(0, 200);
  const what =
    failure.kind === 'crash'
      ? failure.signal
        ? `signal ${failure.signal}`
        : `exit code ${failure.code}`
      : failure.kind;
  return first ? `${what}: ${first}` : what;
}

/**
 * Starts a real child through the launcher, loads a one-line module and closes it: a launcher
 * that passes ran the whole chain (wrappers, binds, node flags, the runner) on this machine.
 */
export async function probeLauncher(launcher: Launcher, request: ProbeRequest): Promise<ProbeOutcome> {
  const outcome = await Session.start({
    launcher,
    launch: { childScript: request.childScript, readPaths: request.readPaths },
    limits: PROBE_LIMITS,
    code: PROBE_MODULE.code,
    exports: PROBE_MODULE.exports,
  });
  if (!outcome.ok) return { ok: false, detail: describe(outcome.failure, outcome.logs) };
  outcome.session.close();
  return outcome.exports.probe === 'number' ? { ok: true } : { ok: false, detail: 'the probe module did not load' };
}
