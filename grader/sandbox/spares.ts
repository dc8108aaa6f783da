import { bootKey, Session, type BootOptions } from './session.js';

/** Kinds of children kept booted at once: a course's exercises ask for two or three. */
const KINDS = 4;

/**
 * Fresh children booted while one submission is graded, for the next submission of the same
 * environment (a batch worker grades one after another). A child starts node and the runner and
 * imports the packages the grader provides (tfjs: about 0.2 s) before any module is sent; a spare
 * does that while the previous submission's checks run, instead of on the next submission's
 * critical path. A spare has run no code at all when it is taken: nothing of one submission
 * reaches another. Once a kind of child was asked for, one spare of that kind is kept; the
 * environment's owner ends them (`close`) when it grades no more.
 */
export class SpareChildren {
  private readonly spares = new Map<string, Session>();
  /** Every kind a submission started so far. */
  private readonly kinds = new Set<string>();
  private closed = false;

  /**
   * Whether a submission is likely to start a child of this kind: any kind before the first
   * submission started one, then only the kinds submissions started. A guess booted before the
   * module is known (a submission's first child) is skipped when it would most likely be ended.
   */
  wants(options: BootOptions): boolean {
    return this.kinds.size === 0 || this.kinds.has(bootKey(options));
  }

  /** A fresh child booted with `options` ahead of now, if one is kept and still alive; the caller's from now on. */
  take(options: BootOptions): Session | undefined {
    const key = bootKey(options);
    const spare = this.spares.get(key);
    if (!spare) return undefined;
    this.spares.delete(key);
    if (spare.alive && spare.startedAs === key) return spare;
    spare.close();
    return undefined;
  }

  /** Boots a spare of this kind for the next submission, unless one is kept. */
  replenish(options: BootOptions): void {
    const key = bootKey(options);
    this.kinds.add(key);
    if (this.closed || this.spares.has(key)) return;
    if (this.spares.size >= KINDS) {
      const [oldest, session] = this.spares.entries().next().value!;
      this.spares.delete(oldest);
      session.close();
    }
    const { launcher, launch, limits, preload, encoder } = options;
    this.spares.set(key, Session.boot({ launcher, launch, limits, ...(preload ? { preload } : {}), ...(encoder ? { encoder } : {}) }));
  }

  /** Ends every spare; later `replenish` calls boot none. */
  close(): void {
    this.closed = true;
    for (const s of this.spares.values()) s.close();
    this.spares.clear();
  }

  /** How many spares are kept, for tests. */
  get size(): number {
    return this.spares.size;
  }
}
