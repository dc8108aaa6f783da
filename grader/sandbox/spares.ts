import { bootKey, Session, type BootOptions } from './session.js';

/** Kinds of children kept booted at once: a course's exercises ask for two or three. */
const KINDS = 4;

/**
 * Spares kept per kind. A repeated model is graded in about 0.1 s, less than a child takes to
 * boot and import tfjs (about 0.2 s of CPU): with one spare, the next submission often waited for
 * it to finish booting; with two, each spare has two submissions' time to boot.
 */
const DEPTH = 2;

/**
 * Fresh children booted while one submission is graded, for the next submissions of the same
 * environment (a batch worker grades one after another). A child starts node and the runner and
 * imports the packages the grader provides (tfjs: about 0.2 s) before any module is sent; a spare
 * does that while earlier submissions' checks run, instead of on the next submission's critical
 * path. A spare has run no code at all when it is taken: nothing of one submission reaches
 * another. Once a kind of child was asked for, DEPTH spares of that kind are kept; the
 * environment's owner ends them (`close`) when it grades no more.
 */
export interface SpareOptions {
  /**
   * Boot a spare of a kind each time a submission starts a child of that kind, for the next
   * submission. False for an environment that grades one submission: it keeps only what
   * `stock` booted before the submission started. @default true
   */
  readonly refill?: boolean;
}

export class SpareChildren {
  private readonly spares = new Map<string, Session[]>();
  /** Every kind a submission started so far. */
  private readonly kinds = new Set<string>();
  private closed = false;
  private readonly refill: boolean;

  constructor(options: SpareOptions = {}) {
    this.refill = options.refill ?? true;
  }

  /**
   * Whether a submission is likely to start a child of this kind: any kind before the first
   * submission started one, then only the kinds submissions started. A guess booted before the
   * module is known (a submission's first child) is skipped when it would most likely be ended.
   */
  wants(options: BootOptions): boolean {
    return this.kinds.size === 0 || this.kinds.has(bootKey(options));
  }

  /** The oldest fresh child booted with `options` ahead of now that is still alive, if any; the caller's from now on. */
  take(options: BootOptions): Session | undefined {
    const key = bootKey(options);
    const kept = this.spares.get(key) ?? [];
    for (let spare = kept.shift(); spare; spare = kept.shift()) {
      if (spare.alive && spare.startedAs === key) return spare;
      spare.close();
    }
    return undefined;
  }

  /** A submission started a child of this kind: spares of it are booted for the next submissions, up to DEPTH kept (unless `refill` is off). */
  replenish(options: BootOptions): void {
    this.kinds.add(bootKey(options));
    if (this.refill) this.stock(options);
  }

  /** Boots spares of this kind, up to DEPTH kept: the children a grading is expected to ask for first, before it starts. */
  stock(options: BootOptions): void {
    const key = bootKey(options);
    if (this.closed) return;
    if (!this.spares.has(key) && this.spares.size >= KINDS) {
      const [oldest, sessions] = this.spares.entries().next().value!;
      this.spares.delete(oldest);
      for (const s of sessions) s.close();
    }
    const kept = this.spares.get(key) ?? [];
    this.spares.set(key, kept);
    const { launcher, launch, limits, preload, encoder } = options;
    while (kept.length < DEPTH) kept.push(Session.boot({ launcher, launch, limits, ...(preload ? { preload } : {}), ...(encoder ? { encoder } : {}) }));
  }

  /** Ends every spare; later `replenish` calls boot none. */
  close(): void {
    this.closed = true;
    for (const sessions of this.spares.values()) for (const s of sessions) s.close();
    this.spares.clear();
  }

  /** How many spares are kept, for tests. */
  get size(): number {
    return [...this.spares.values()].reduce((n, s) => n + s.length, 0);
  }
}
