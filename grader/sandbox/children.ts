import type { Visibility } from '../model/results.js';
import { handsOnChild, takesUsedChild } from './hidden-rule.js';
import { Session, type SessionOptions, type StartOutcome } from './session.js';


/**
 * The children of one submission. A public phase gets a child that has run no code, or one
 * that ran earlier exercises' public checks of the same submission and was left exactly as it
 * was before them (the runner compares globals, `process`, intrinsics, timers and handles with
 * a baseline, and refuses the load otherwise: then a fresh child is started). Which phase may
 * take or hand on a child is the hidden-input rule's to say (hidden-rule.ts): a hidden phase
 * always gets a fresh child, which ends with it. Children are never shared between submissions.
 */
export interface ChildrenOptions {
  /** Hand a clean child to the next exercise; false gives every exercise a fresh one. @default true */
  readonly reuse?: boolean;
}

export class SubmissionChildren {
  private readonly idle = new Map<string, Session[]>();
  private readonly reuse: boolean;
  private closed = false;
  /** How many children this submission started, for benchmarks and tests. */
  started = 0;

  constructor(options: ChildrenOptions = {}) {
    this.reuse = options.reuse ?? true;
  }

  /** A child with the module loaded for a check of `phase`: a clean idle one if the phase may take one, else a new one. */
  async acquire(phase: Visibility, options: SessionOptions): Promise<StartOutcome> {
    const pool = takesUsedChild(phase) ? this.idle.get(this.key(options)) : undefined;
    while (pool && pool.length > 0) {
      const session = pool.pop()!;
      const loaded = await session.load(options);
      if (loaded.ok) return { ok: true, session, exports: loaded.exports };
      // The module's own fault: a fresh child would say the same.
      if (!('dirty' in loaded) && (loaded.failure.kind === 'load-error' || loaded.failure.kind === 'patched')) return loaded;
      // Changed by an earlier exercise, or dead: start afresh below.
    }
    this.started++;
    return Session.start(options);
  }

  /**
   * Hands a child back when its exercise is done. `reusable` is false when the exercise imported
   * shared modules (tfjs, Node's own) whose state the runner cannot compare.
   */
  release(phase: Visibility, options: Pick<SessionOptions, 'limits' | 'launch'>, session: Session, reusable: boolean): void {
    if (!handsOnChild(phase) || this.closed || !this.reuse || !reusable || !session.alive) {
      session.close();
      return;
    }
    const key = this.key(options);
    const pool = this.idle.get(key) ?? [];
    pool.push(session);
    this.idle.set(key, pool);
  }

  /** Ends every idle child; called once the submission is graded. */
  close(): void {
    this.closed = true;
    for (const pool of this.idle.values()) for (const s of pool) s.close();
    this.idle.clear();
  }

  // Memory and process limits, and the folders it may read, are fixed when a child starts: only
  // children started with the same ones can take the module.
  private key(options: Pick<SessionOptions, 'limits' | 'launch'>): string {
    return JSON.stringify([options.limits.memoryMb, options.limits.processes, options.launch.readPaths]);
  }
}
