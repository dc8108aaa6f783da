import { createHash } from 'node:crypto';
import { createHelper } from '../io/helper-process.js';
import { ownModule } from '../io/package.js';
import { GraderError } from '../model/errors.js';
import type { Refusal } from './input/refusal.js';
import { unnamedWriting } from './rebuilt-models.js';

/** Bounds of a trial rebuild. User-facing: a course may set them (see `modelGuardOptions`). */
export interface ModelGuardOptions {
  /**
   * CPU time of one trial rebuild, ms: the notes' models take 2 to 35 ms, the most costly model
   * the JSON check accepts (Orthogonal work at its bound) about 310 ms. @default 2000
   */
  readonly cpuMs?: number;
  /** Memory of the process that tries rebuilds (node, TensorFlow.js and its wasm memory), MiB. @default 1536 */
  readonly memoryMb?: number;
}

export interface RebuildRequest {
  readonly topology: Record<string, unknown>;
}

/** `built`: rebuilt (or threw an error of its own, which the grader's rebuild then reports); `fault`: the backend broke (out of memory). */
export type RebuildReply = { readonly kind: 'built' | 'threw' } | { readonly kind: 'fault' };

/** Tries a model's rebuild where it cannot hurt the grader; undefined when the grader may rebuild it. */
export interface ModelGuard {
  trial(topology: Record<string, unknown>): Promise<Extract<Refusal, { kind: 'rebuild-time' | 'rebuild-memory' }> | undefined>;
  /** Starts the trial process ahead of a first trial (a submission's models about to be fetched). @default nothing */
  warm?(): void;
  /** Ends the trial process; a later trial starts another. */
  close(): void;
}

/** Verdicts kept, by topology: a class hands in a few distinct models, and a refusal is never tried twice. */
const KEPT = 1000;

/**
 * The model JSON check (grader/tf/input) bounds what it can estimate; whatever it misses costs a
 * trial, not the grader: TensorFlow.js rebuilds the model first in a process of its own
 * (grader/io/helper-process) under a CPU budget and a memory cap, and only a model rebuilt there
 * in time is rebuilt in the grader. A verdict is kept by the topology's hash, so the checks of
 * one submission (and the same model in a class) try it once. A process that died is given one
 * more chance in a fresh one before the model is blamed for it.
 */
/** The trial process's memory cap without a course's (ModelGuardOptions.memoryMb): the build makes tfjs' code cache for its flags. */
export const TRIAL_MEMORY_MB = 1536;

export function createModelGuard(options: ModelGuardOptions = {}): ModelGuard {
  const cpuMs = options.cpuMs ?? 2000;
  const memoryMb = options.memoryMb ?? TRIAL_MEMORY_MB;
  const helper = createHelper<RebuildRequest, RebuildReply>({
    script: ownModule(import.meta.url, 'rebuild-host'),
    memoryMb,
    cpuMs,
    // Only for a process that gets no CPU at all: the CPU budget is what ends a costly rebuild.
    wallMs: Math.max(120_000, 20 * cpuMs),
  });
  const kept = new Map<string, Awaited<ReturnType<ModelGuard['trial']>>>();

  const attempt = async (topology: Record<string, unknown>, retries: number): Promise<Awaited<ReturnType<ModelGuard['trial']>>> => {
    const outcome = await helper.request({ topology });
    if (outcome.ok && outcome.reply.kind !== 'fault') return undefined;
    if (outcome.ok) {
      // The backend's memory is spent: the next trial gets a fresh process.
      helper.close();
      return { kind: 'rebuild-memory', limitMb: memoryMb };
    }
    if (outcome.reason === 'timeout') return { kind: 'rebuild-time', limitMs: cpuMs };
    return retries > 0 ? attempt(topology, retries - 1) : { kind: 'rebuild-memory', limitMb: memoryMb };
  };

  return {
    async trial(topology) {
      // Without names: every check's call to the student's builder names the layers anew.
      const key = createHash('sha256').update(unnamedWriting(topology)).digest('hex');
      if (kept.has(key)) return kept.get(key);
      const verdict = await attempt(topology, 1);
      if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
      kept.set(key, verdict);
      return verdict;
    },
    warm: () => helper.warm(),
    close: () => helper.close(),
  };
}

/**
 * The guard's bounds from the environment: NEUROGRADE_MODEL_REBUILD_CPU_MS, for a course whose
 * machines are slower (or a test that wants a costly model refused without waiting).
 */
export function modelGuardOptions(env: NodeJS.ProcessEnv = process.env): ModelGuardOptions {
  const given = env.NEUROGRADE_MODEL_REBUILD_CPU_MS;
  if (!given) return {};
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1) throw new GraderError('BAD_CONFIG', `NEUROGRADE_MODEL_REBUILD_CPU_MS must be a whole number of milliseconds, not "${given}"`);
  return { cpuMs: n };
}
