import { performance } from 'node:perf_hooks';
import type { CheckVerdict } from '../kit/check.js';
import type { Visibility } from '../model/results.js';
import { logsShown, timeShown } from '../sandbox/hidden-rule.js';
import type { SubmissionChildren } from '../sandbox/children.js';
import type { SandboxFailure, Session, SessionOptions } from '../sandbox/session.js';

/** A limit whose every hit costs its full amount of time: those count as strikes. */
export type Strike = 'timeout' | 'memory';

export interface LeaseOptions {
  /** Where children come from and go back to (the submission's SubmissionChildren). */
  readonly children: Pick<SubmissionChildren, 'acquire' | 'release'>;
  readonly session: SessionOptions;
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
 * check first needs one (a clean one an earlier exercise left, or a new one the prewarming
 * launcher booted ahead: see SubmissionChildren and `prewarmed`), hands it back at the end of the
 * phase (the hidden-input rule decides whether it is handed on), drops it when a limit killed
 * it, counts strikes, keeps the logs the student may see, and adds up the time the exercise took.
 */
export class ChildLease {
  private current: Session | undefined;
  private phase: Visibility = 'public';
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

  /** The child for the next check of `phase`: the one held, or one from the submission's children. */
  async take(phase: Visibility): Promise<Taken> {
    this.phase = phase;
    if (this.current) return { ok: true, session: this.current };
    const outcome = await this.options.children.acquire(phase, this.options.session);
    if (!outcome.ok) return { ok: false, failure: outcome.failure, first: !this.loaded };
    this.loaded = true;
    this.current = outcome.session;
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
  }

  /** Ends the phase: the child goes back to the submission's children, which keep it or end it. */
  release(): void {
    const session = this.current;
    if (!session) return;
    this.current = undefined;
    this.keepLogs(session);
    this.options.children.release(this.phase, this.options.session, session, this.options.reusable);
  }

  private keepLogs(session: Session): void {
    if (logsShown(this.phase, this.options.mode)) this.shownLogs += session.output;
  }
}
