/**
 * Whose time a request is spending: the student's code, or the grader's own work (starting the
 * child, loading its runner and the packages the grader provides, writing the answer back).
 */
export type ClockPhase = 'student' | 'grader';

export interface ClockBudgets {
  /** The student's time limit of one request, ms. */
  readonly student: number;
  /** The grader's own time budget of one request, ms. */
  readonly grader: number;
}

/**
 * Two stopwatches for one request, one running at a time, each with its own budget: a slow
 * start on a busy machine spends the grader's budget, never the student's, as PrairieLearn adds
 * a fixed overhead to each job's timeout. `expired` is called once, with the phase whose budget
 * ran out.
 */
export class RequestClock {
  private readonly budgets: ClockBudgets;
  private readonly expired: (phase: ClockPhase) => void;
  private readonly used: Record<ClockPhase, number> = { student: 0, grader: 0 };
  private current: ClockPhase;
  private since = performance.now();
  private timer: NodeJS.Timeout | undefined;
  private verdict: NodeJS.Immediate | undefined;

  constructor(budgets: ClockBudgets, phase: ClockPhase, expired: (phase: ClockPhase) => void) {
    this.budgets = budgets;
    this.current = phase;
    this.expired = expired;
    this.arm();
  }

  get phase(): ClockPhase {
    return this.current;
  }

  /** Time spent so far in each phase, ms. */
  spent(): Readonly<Record<ClockPhase, number>> {
    const now = performance.now();
    return { ...this.used, [this.current]: this.used[this.current] + now - this.since };
  }

  /** Stops the running stopwatch and starts the other one where it left off. */
  switchTo(phase: ClockPhase): void {
    if (this.timer === undefined || phase === this.current) return;
    const now = performance.now();
    this.used[this.current] += now - this.since;
    this.since = now;
    this.current = phase;
    this.arm();
  }

  stop(): void {
    clearTimeout(this.timer);
    clearImmediate(this.verdict);
    this.timer = undefined;
    this.verdict = undefined;
  }

  private arm(): void {
    this.stop();
    const left = Math.max(0, this.budgets[this.current] - this.used[this.current]);
    const phase = this.current;
    const timer = setTimeout(() => {
      // A timer that came due while the grader's event loop was busy runs before the I/O that
      // waited beside it: read that first (an answer, a clock message), then decide.
      this.verdict = setImmediate(() => {
        if (this.timer !== timer) return;
        this.timer = undefined;
        this.expired(phase);
      });
    }, left);
    this.timer = timer;
  }
}
