import { performance } from 'node:perf_hooks';
import type { CheckVerdict } from '../kit/check.js';
import type { Visibility } from '../model/results.js';
import { logsShown, PHASE_ORDER, timeShown } from '../sandbox/hidden-rule.js';
import type { SubmissionChildren } from '../sandbox/children.js';
import type { SandboxFailure, Session, SessionOptions } from '../sandbox/session.js';

/** A limit whose every hit costs its full amount of time: those count as strikes. */
export type Strike = 'timeout' | 'memory';

export interface LeaseOptions {
  /** Where children come from and go back to (the submission's SubmissionChildren). */
  readonly children: Pick<SubmissionChildren, 'acquire' | 'release' | 'boot' | 'shares'>;
  readonly session: SessionOptions;
  /** The phases the plan gives this exercise: a later one's child is booted while an earlier one runs. */
  readonly phases: readonly Visibility[];
  /** False when the module imports shared modules (tfjs, Node's own) whose state the runner cannot compare. */
  readonly reusable: boolean;
  readonly mode: 'grade' | 'check';
  /** Checks that may run out of time or memory before the rest of the exercise is skipped. */
  readonly strikes: number;
  /** Time the exercise already took before its lease (bundling), ms. @default 0 */
  readonly spentMs?: number;
}

/** A child for the next check, or why there is none: `first` when the module never loaded in this exercise. */
export type Taken = { readonly ok: true; readonly session: Session } | { readonly ok: false; readonly failure: SandboxFailure; readonly first: boolean };

/** The strike a verdict counts as, if any. */
export function strikeOf(verdict: CheckVerdict): Strike | undefined {
  if (verdict.status !== 'sandbox') return undefined;
  const kind = verdict.failure.kind;
  return kind === 'timeout' || kind === 'memory' ? kind : undefined;
}

/**
 * One exercise's hold on the submission's children, across its phases. It takes a child when a
 * check first needs one (a clean one an earlier exercise left, or a fresh one), hands it back at
 * the end of the phase (the hidden-input rule decides which later phases may take it), drops it when a
 * limit killed it, counts strikes, keeps the logs the student may see, and adds up the time the
 * exercise took.
 *
 * It also owns prewarming: once a phase has its child, the lease boots the fresh child each later
 * phase of the exercise will need (its hidden phase, while the public checks run, when its module
 * cannot share a child), and the
 * executor asks it to boot its first child while the exercise before it runs (`bootAhead`,
 * `adopt`). A child booted for a phase is handed to that phase alone, and ends unused when the
 * phase does not come or does not need it: the exercise struck out, its module did not load, or
 * the lease closed (`close`, which the executor always calls).
 */
export class ChildLease {
  private current: Session | undefined;
  private phase: Visibility = 'public';
  /** Fresh children booted ahead, each for the phase that alone may take it. */
  private readonly ahead = new Map<Visibility, Session>();
  private closed = false;
  private loaded = false;
  private readonly hits: Strike[] = [];
  private shownLogs = '';
  private spent: number;

  constructor(private readonly options: LeaseOptions) {
    this.spent = options.spentMs ?? 0;
  }

  /** Runs a phase's work, counting its wall time as the exercise's where the hidden-input rule lets it show. */
  async timed<T>(phase: Visibility, f: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await f();
    } finally {
      if (timeShown(phase)) this.spent += performance.now() - started;
    }
  }

  /** The exercise's time so far, ms. */
  get spentMs(): number {
    return Math.round(this.spent);
  }

  /** The strikes so far, oldest first. */
  get strikes(): readonly Strike[] {
    return this.hits;
  }

  /** True once `strikes` checks ran out of time or memory: the rest of the exercise is skipped. */
  get struckOut(): boolean {
    return this.hits.length >= this.options.strikes;
  }

  /** What the student may see of what their code printed. */
  get logs(): string {
    return this.shownLogs;
  }

  /** Starts a phase: its checks take children for it (see `take`) until `release`. */
  begin(phase: Visibility): void {
    this.phase = phase;
  }

  /**
   * Boots the fresh child `phase` will need, unless one is booted already, the exercise is over,
   * or the phase will most likely take one an earlier exercise leaves (any phase of a module that
   * can share its child, when the submission's children are shared: a hidden phase takes the
   * children the public phases leave, see hidden-rule.ts).
   */
  bootAhead(phase: Visibility): void {
    const { children, session, reusable } = this.options;
    if (this.closed || this.struckOut || this.ahead.has(phase)) return;
    if (reusable && children.shares) return;
    const booted = children.boot(session);
    if (booted) this.ahead.set(phase, booted);
  }

  /** Takes a child the executor booted ahead for `phase` (before the module was bundled, say); ends it if the lease has one. */
  adopt(phase: Visibility, booted: Session): void {
    if (this.closed || this.ahead.has(phase)) booted.close();
    else this.ahead.set(phase, booted);
  }

  /** The child for the next check of the current phase: the one held, or one from the submission's children. */
  async take(): Promise<Taken> {
    const phase = this.phase;
    if (this.current) return { ok: true, session: this.current };
    const booted = this.ahead.get(phase);
    this.ahead.delete(phase);
    const outcome = await this.options.children.acquire(phase, this.options.session, booted);
    if (!outcome.ok) return { ok: false, failure: outcome.failure, first: !this.loaded };
    this.loaded = true;
    this.current = outcome.session;
    // The checks of this phase can run: the later phases' children boot meanwhile.
    for (const later of PHASE_ORDER.slice(PHASE_ORDER.indexOf(phase) + 1)) if (this.options.phases.includes(later)) this.bootAhead(later);
    return { ok: true, session: outcome.session };
  }

  /** Records a check's verdict: a limit hit killed the child (the next check gets a fresh one) and may count as a strike. */
  settle(verdict: CheckVerdict): void {
    const strike = strikeOf(verdict);
    if (strike) this.hits.push(strike);
    if (verdict.status === 'sandbox' && this.current) {
      this.keepLogs(this.current);
      this.current.close();
      this.current = undefined;
    }
    // Every later check is skipped: no child booted ahead will be needed.
    if (this.struckOut) this.endAhead();
  }

  /** Ends the phase: the child goes back to the submission's children, which keep it or end it; one booted for the phase and not taken ends. */
  release(): void {
    this.ahead.get(this.phase)?.close();
    this.ahead.delete(this.phase);
    const session = this.current;
    if (!session) return;
    this.current = undefined;
    this.keepLogs(session);
    this.options.children.release(this.phase, this.options.session, session, this.options.reusable);
  }

  /** Ends the lease: the phase's child goes back, and every child booted ahead and never taken ends. */
  close(): void {
    this.release();
    this.endAhead();
    this.closed = true;
  }

  private endAhead(): void {
    for (const s of this.ahead.values()) s.close();
    this.ahead.clear();
  }

  private keepLogs(session: Session): void {
    if (logsShown(this.phase, this.options.mode)) this.shownLogs += session.output;
  }
}
