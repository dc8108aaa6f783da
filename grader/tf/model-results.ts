/**
 * Results of training a model, kept by what determines them: a class hands in the same wrong
 * model many times, and the same architecture, compile settings, seed, data and grader give the
 * same training. The key is computed here from the model JSON the grader validated
 * (grader/tf/input) and the training config, never taken from the child; results live in memory
 * for a grading environment and, in a batch, in a folder every worker and every rerun shares.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { pruneFolder } from '../io/prune-folder.js';

/** What determines one training's result. */
export interface TrainingKeyParts {
  /** The model's topology as validated (inspectTopology), or a name for the reference's. */
  readonly topology: unknown;
  /** The compile settings as validated (tfjs' training config), or null. */
  readonly training: unknown;
  readonly seed: number;
  /** Names the data set and its part (a different data set is a different result). */
  readonly data: string;
  /** Epochs, batch, sample caps, scoring: everything else the training is given. */
  readonly budget: unknown;
  /** The TensorFlow.js backend (wasm, cpu, tensorflow): each rounds its own way. */
  readonly backend: string;
}

// Layer and model names change nothing a chain computes (the validated topology is a chain):
// dropped, so two students' identical models share a key whatever tfjs named their layers.
const IGNORED = new Set(['name']);

/** JSON with sorted keys and names dropped: one writing per model. */
function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable);
  if (typeof v !== 'object' || v === null) return v;
  const entries = Object.entries(v as Record<string, unknown>).filter(([k]) => !IGNORED.has(k));
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => [k, stable(x)]));
}

/** The key of one training: a hash of every part, in one writing. */
export function trainingKey(parts: TrainingKeyParts): string {
  return createHash('sha256').update(JSON.stringify(stable(parts))).digest('hex');
}

export interface ModelResults {
  /**
   * The result stored under `key` (a trainingKey), or `compute`'s, stored: computed once per key
   * in this environment (callers at the same time share one computation) and, with a folder,
   * once per folder. A stored value that `isValue` refuses is computed again.
   */
  trained<T>(key: string, compute: () => Promise<T>, isValue: (v: unknown) => v is T): Promise<T>;
  /** How many trainings were computed here, and how many were answered from the store. */
  readonly counts: { readonly trained: number; readonly reused: number };
}

export interface ModelResultsOptions {
  /**
   * Mixed into every key: a result is never reused by another grader (or course). A function is
   * called once, at the first training asked for: a grading without models never computes it.
   */
  readonly version: string | (() => string);
  /** A folder shared by the batch's workers and reruns, or by a student's `check` runs. @default memory only */
  readonly dir?: string;
  /** At most this many results kept in `dir`: the least recently written go first. @default no bound */
  readonly maxEntries?: number;
}

/** Removes the oldest results of `dir` beyond `max` (see pruneFolder). */
const prune = (dir: string, max: number): void => pruneFolder(dir, '.json', max);

/** True while the process that wrote a lock lives (a worker of the same batch, on this machine). */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How long a worker waits on another's training of the same model before training it too. */
const LOCK_PATIENCE_MS = 30 * 60_000;

/**
 * Takes the folder's claim on a training (`<file>.lock`, created exclusively, holding the pid),
 * or waits while another live worker holds it: true when this process should train, false once
 * the other's result is stored. A lock whose process died is taken over.
 */
async function claim(file: string, done: () => boolean): Promise<boolean> {
  const lock = `${file}.lock`;
  const started = Date.now();
  for (;;) {
    if (done()) return false;
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return true;
    }
    let owner = NaN;
    try {
      owner = Number(readFileSync(lock, 'utf8'));
    } catch {
      continue;
    }
    if (!alive(owner) || Date.now() - started > LOCK_PATIENCE_MS) rmSync(lock, { force: true });
    else await sleep(200);
  }
}

/** A result a worker stored, if it is one: a torn or foreign file is no result (trained again). */
function stored<T>(file: string, isValue: (v: unknown) => v is T): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const v: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isValue(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Stores a result whole (written aside, then renamed), then prunes a bounded folder. */
function store(file: string, value: unknown, options: ModelResultsOptions): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, file);
  if (options.maxEntries !== undefined) prune(options.dir!, options.maxEntries);
}

/** A stored result read for reuse: in a bounded folder, marked as used now, the last to be pruned. */
function reuse<T>(file: string, isValue: (v: unknown) => v is T, options: ModelResultsOptions): T {
  const value = stored(file, isValue)!;
  try {
    if (options.maxEntries !== undefined) utimesSync(file, new Date(), new Date());
  } catch {
    // Pruned meanwhile by another process: the value read stands.
  }
  return value;
}

export function createModelResults(options: ModelResultsOptions): ModelResults {
  const memory = new Map<string, Promise<unknown>>();
  const counts = { trained: 0, reused: 0 };
  let version: string | undefined;
  const versionOf = (): string => (version ??= typeof options.version === 'string' ? options.version : options.version());
  // With a folder: the stored result, or this process trains under the folder's claim (another
  // worker training the same model meanwhile is waited for, not repeated).
  const fromFolder = async <T>(file: string, compute: () => Promise<T>, isValue: (v: unknown) => v is T): Promise<T> => {
    try {
      mkdirSync(options.dir!, { recursive: true });
    } catch {
      // No folder to keep results in (a file in its place, no permission): trained, not kept.
      const value = await compute();
      counts.trained++;
      return value;
    }
    if (!(await claim(file, () => stored(file, isValue) !== undefined))) {
      counts.reused++;
      return reuse(file, isValue, options);
    }
    try {
      const value = await compute();
      counts.trained++;
      try {
        store(file, value, options);
      } catch {
        // A folder that cannot be written (full, read-only): the result stands, only unkept.
      }
      return value;
    } finally {
      rmSync(`${file}.lock`, { force: true });
    }
  };
  return {
    counts,
    trained<T>(key: string, compute: () => Promise<T>, isValue: (v: unknown) => v is T): Promise<T> {
      const full = createHash('sha256').update(`${versionOf()}\0${key}`).digest('hex').slice(0, 32);
      const known = memory.get(full);
      if (known) {
        counts.reused++;
        return known as Promise<T>;
      }
      const pending = options.dir ? fromFolder(join(options.dir, `${full}.json`), compute, isValue) : compute().then((v) => (counts.trained++, v));
      memory.set(full, pending);
      // A training that failed (the backend's fault, say) is not a result: the next asks again.
      pending.catch(() => memory.delete(full));
      return pending;
    },
  };
}
