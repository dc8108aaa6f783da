import type { Visibility } from '../model/results.js';
import { poolAfter, poolsTakenBy } from './hidden-rule.js';
import { bootKey, Session, type BootOptions, type SessionOptions, type StartOutcome } from './session.js';
import type { SpareChildren } from './spares.js';


/**
 * The children of one submission. A phase gets a child that has run no code, or one that ran
 * earlier exercises' checks of the same submission and was left exactly as it was before them
 * (the runner compares globals, `process`, intrinsics, timers and handles with a baseline, and
 * refuses the load otherwise: then a fresh child is started). Which used child a phase may take
 * is the hidden-input rule's to say (hidden-rule.ts): a child that ran a hidden phase serves
 * only hidden phases after it.
 *
 * A fresh child may have been booted ahead (`boot`, asked by an exercise's ChildLease, which
 * says for which phase): `acquire` then loads the module into it instead of starting one.
 * `close` ends every child of the submission that is still idle, booted ahead and never used
 * included, whatever happened to the exercises that asked for them. A child that ran code of a
 * submission never serves another; a fresh one booted during an earlier submission may (`spares`).
 */
export interface ChildrenOptions {
  /** Hand a clean child to the next exercise; false gives every exercise a fresh one. @default true */
  readonly reuse?: boolean;
  /** Boot children ahead when an exercise asks (`boot`); false starts each when it is needed. @default true */
  readonly prewarm?: boolean;
  /**
   * Fresh children booted during an earlier submission (see SpareChildren): a child this
   * submission would start is taken from them when one of its kind is kept, and each child
   * started here has a spare of its kind booted for the next submission. @default none
   */
  readonly spares?: SpareChildren;
}

export class SubmissionChildren {
  private readonly idle = new Map<string, Session[]>();
  /** Children booted ahead that no `acquire` has taken yet. */
  private readonly ahead = new Set<Session>();
  /** Whether a clean child is handed to the next exercise (ChildrenOptions.reuse). */
  readonly shares: boolean;
  private readonly prewarm: boolean;
  private readonly spares: SpareChildren | undefined;
  private closed = false;
  /** How many children took a module fresh for this submission, for benchmarks and tests. */
  started = 0;
  /** How many of the submission's children were booted ahead, for benchmarks and tests. */
  booted = 0;

  constructor(options: ChildrenOptions = {}) {
    this.shares = options.reuse ?? true;
    this.prewarm = options.prewarm ?? true;
    this.spares = options.spares;
  }

  /** Starts a child ahead of the phase that will hand it to `acquire`; none when prewarming is off or the submission is done. */
  boot(options: BootOptions): Session | undefined {
    if (!this.prewarm || this.closed) return undefined;
    const session = this.spares?.take(options) ?? Session.boot(options);
    this.booted++;
    this.ahead.add(session);
    return session;
  }

  /**
   * A child with the module loaded for a check of `phase`: a clean idle one if the phase may take
   * one, else a fresh one: `booted` (booted ahead for this phase) if it is alive and was started
   * alike, else a new one. `booted` is this call's from now on: used, or ended.
   */
  async acquire(phase: Visibility, options: SessionOptions, booted?: Session): Promise<StartOutcome> {
    const fresh = booted && this.ahead.delete(booted) && booted.alive && booted.startedAs === bootKey(options) ? booted : undefined;
    if (booted !== fresh) booted?.close();
    for (let session = this.idleFor(phase, options); session; session = this.idleFor(phase, options)) {
      const loaded = await session.load(options);
      if (loaded.ok) {
        fresh?.close();
        return { ok: true, session, exports: loaded.exports };
      }
      // The module's own fault: a fresh child would say the same.
      if (!('dirty' in loaded) && (loaded.failure.kind === 'load-error' || loaded.failure.kind === 'patched')) {
        fresh?.close();
        return loaded;
      }
      // Changed by an earlier exercise, or dead: start afresh below.
    }
    this.started++;
    const started = await Session.start(options, fresh ?? this.spares?.take(options));
    // The next submission's child of this kind boots while this one's checks run.
    if (started.ok) this.spares?.replenish(options);
    return started;
  }

  /**
   * Hands a child back when its exercise is done. `reusable` is false when the exercise imported
   * shared modules (tfjs, Node's own) whose state the runner cannot compare.
   */
  release(phase: Visibility, options: Pick<SessionOptions, 'limits' | 'launch'>, session: Session, reusable: boolean): void {
    if (this.closed || !this.shares || !reusable || !session.alive) {
      session.close();
      return;
    }
    const key = this.key(poolAfter(phase), options);
    const pool = this.idle.get(key) ?? [];
    pool.push(session);
    this.idle.set(key, pool);
  }

  /** The next idle child `phase` may take, from the pools the hidden-input rule lets it take from, best first. */
  private idleFor(phase: Visibility, options: Pick<SessionOptions, 'limits' | 'launch'>): Session | undefined {
    for (const pool of poolsTakenBy(phase)) {
      const session = this.idle.get(this.key(pool, options))?.pop();
      if (session) return session;
    }
    return undefined;
  }

  /** Ends every idle child, and every child booted ahead and never taken; called once the submission is graded. */
  close(): void {
    this.closed = true;
    for (const pool of this.idle.values()) for (const s of pool) s.close();
    for (const s of this.ahead) s.close();
    this.idle.clear();
    this.ahead.clear();
  }

  // Memory and process limits, and the folders it may read, are fixed when a child starts: only
  // children started with the same ones can take the module.
  private key(pool: Visibility, options: Pick<SessionOptions, 'limits' | 'launch'>): string {
    return JSON.stringify([pool, options.limits.memoryMb, options.limits.processes, options.launch.readPaths]);
  }
}
