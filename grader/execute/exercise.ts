import { performance } from 'node:perf_hooks';
import type { Messages } from '../i18n/types.js';
import type { Datasets } from '../kit/check.js';
import { failureMessage, hiddenFailureMessage } from '../kit/faults.js';
import type { Memo, PersistentValues } from '../kit/memo.js';
import type { ModelResults } from '../tf/model-results.js';
import type { BundleOutcome } from '../load/bundle.js';
import { stackMapper } from '../load/stack.js';
import { readSourceBounded } from '../load/locate.js';
import { join } from 'node:path';
import type { Lang } from '../model/localized.js';
import type { CheckResult, ExerciseResult, Visibility } from '../model/results.js';
import type { CaseEncoder } from '../sandbox/case-encoder.js';
import type { Launcher } from '../sandbox/launcher.js';
import type { SubmissionChildren } from '../sandbox/children.js';
import type { SandboxFailure, Session, SessionLimits, SessionOptions } from '../sandbox/session.js';
import type { ModelGuard } from '../tf/rebuild-guard.js';
import type { RebuiltModels } from '../tf/rebuilt-models.js';
import { bundleFailure, errorCheck, gradedExercise, skippedCheck, unloadableExercise, type Unrun } from '../score/exercise-result.js';
import { ChildLease } from './lease.js';
import type { CheckJob, ExercisePlan } from './plan.js';
import { checkResultOf, runCheck, type CheckRunContext } from './run-check.js';

/** Everything grading one exercise of a submission needs, resolved (see GradeOptions for the defaults). */
export interface ExerciseRun {
  /** The folder graded (the submission, or the one sub-folder holding its files). */
  readonly submissionDir: string;
  readonly mode: 'grade' | 'check';
  readonly lang: Lang;
  readonly t: Messages;
  readonly launcher: Launcher;
  readonly childScript: string;
  readonly readPaths: readonly string[];
  readonly limits: SessionLimits;
  /** Checks that may run out of time or memory before the rest of the exercise is skipped. */
  readonly strikes: number;
  readonly memo: Memo;
  /** Keeps the checks' cases across processes (see GradingEnvironment.caseStore). @default memory only */
  readonly caseStore?: PersistentValues;
  /** Training results shared by the environment's submissions (see ModelResults). @default none */
  readonly modelResults?: ModelResults;
  /** Encodes the memoised cases once for the environment (see createCaseEncoder). */
  readonly encoder?: CaseEncoder;
  /** The submission's children: an exercise may take one an earlier exercise left unchanged. */
  readonly children: SubmissionChildren;
  readonly datasets?: Datasets;
  /** The student's file, bundled with the submission's others (see `createBundler`). */
  readonly bundle: BundleOutcome;
  /** Called by checks that run TensorFlow.js models, with the backend's description. */
  readonly usedTfBackend?: (description: string) => void;
  /** Tries students' model rebuilds in a process of its own first. */
  readonly modelGuard?: ModelGuard;
  /** The submission's models, rebuilt once for all its checks. */
  readonly rebuiltModels?: RebuiltModels;
  /** Where the student's file was found below the top of the submission, when it is not at the top. */
  readonly elsewhere?: string;
  /** Whether failed checks are diagnosed (see GradingEnvironment.diagnosis). */
  readonly diagnosis: boolean;
}

/** One exercise being graded; the submission's executor says when each phase runs (see gradeSubmission). */
export interface ExerciseGrading {
  /** Runs these jobs, all of one phase, in order, on the exercise's lease. */
  runPhase(visibility: Visibility, jobs: readonly CheckJob[]): Promise<void>;
  /** Boots the child a phase of this exercise will need while earlier work runs (see ChildLease.bootAhead). */
  bootAhead(visibility: Visibility): void;
  /** Hands the lease a child booted for a phase of this exercise before the exercise started (see ChildLease.adopt). */
  adopt(visibility: Visibility, booted: Session): void;
  /** Ends the exercise's lease: children booted ahead and never used end too. Always called, once every phase ran or failed. */
  close(): void;
  /** The exercise's result: complete once every planned job ran, or once the exercise ended early. */
  result(): ExerciseResult;
}

/**
 * Why the child would not take the module, as the checks' error. In a hidden phase, what the
 * module threw at import may carry hidden inputs it kept from elsewhere: only the kind of fault
 * is shown, for the exercise as for its checks.
 */
function unrun(failure: SandboxFailure, phase: Visibility, c: CheckRunContext): Unrun {
  const file = c.exercise.manifest.file;
  const hiddenMessage = hiddenFailureMessage(c.t, failure, file);
  const stack = failure.kind === 'load-error' && phase === 'public' ? c.mapStack(failure.stack) : undefined;
  return {
    message: phase === 'hidden' ? hiddenMessage : failureMessage(c.t, failure, file),
    hiddenMessage,
    ...(stack ? { stack } : {}),
    ...(failure.kind === 'grader-time' ? { code: failure.kind } : {}),
  };
}

/**
 * Starts grading one exercise of one submission. A missing file or a compile error ends it here;
 * otherwise it opens the exercise's lease on the submission's children. Never throws for a
 * student's fault: a missing file, a compile error, a crash or a time-out is a result.
 */
export function startExercise(plan: ExercisePlan, run: ExerciseRun): ExerciseGrading {
  const started = performance.now();
  const { bundle } = run;
  if (bundle.ok) return new ExerciseExecution(plan, run, bundle, performance.now() - started);
  const failed = bundleFailure(bundle, { file: plan.exercise.manifest.file, t: run.t, ...(run.elsewhere ? { elsewhere: run.elsewhere } : {}) });
  const result = unloadableExercise({ exercise: plan.exercise, jobs: plan.jobs, lang: run.lang, ...failed, durationMs: Math.round(performance.now() - started) });
  // Nothing will load: a child booted for it ends at once.
  return { runPhase: async () => {}, bootAhead: () => {}, adopt: (_, booted) => booted.close(), close: () => {}, result: () => result };
}

/** The checks of one exercise run on its lease, each result stored where the plan put it. */
class ExerciseExecution implements ExerciseGrading {
  private readonly lease: ChildLease;
  private readonly ctx: CheckRunContext;
  private readonly results: (CheckResult | undefined)[];
  /** What each child answered this exercise's checks, kept for its next checks (see CheckContext.childValues). */
  private readonly childValues = new WeakMap<Session, Map<string, unknown>>();
  /** Set when the module does not load at all: the whole exercise says so. */
  private early: ExerciseResult | undefined;

  constructor(
    private readonly plan: ExercisePlan,
    private readonly run: ExerciseRun,
    bundle: Extract<BundleOutcome, { ok: true }>,
    spentMs: number,
  ) {
    // Shared modules (tfjs, Node's own) keep state the runner cannot compare: such a child is not
    // handed to the next exercise. A module that imports no package gets a child that can read
    // none: bwrap then binds one folder instead of eighty, which makes every child cheaper to start.
    const reusable = bundle.externals.length === 0;
    const session: SessionOptions = {
      launcher: run.launcher,
      launch: { childScript: run.childScript, readPaths: reusable ? [] : run.readPaths },
      limits: run.limits,
      code: bundle.code,
      exports: plan.exercise.manifest.exports,
      preload: bundle.externals,
      ...(run.encoder ? { encoder: run.encoder } : {}),
    };
    const phases = [...new Set(plan.jobs.map((j) => j.visibility))];
    this.lease = new ChildLease({ children: run.children, session, phases, reusable, mode: run.mode, strikes: run.strikes, spentMs });
    let source: string | undefined | null = null;
    const file = join(run.submissionDir, plan.exercise.manifest.file);
    this.ctx = {
      exercise: plan.exercise,
      source: () => (source === null ? (source = readSourceBounded(file)) : source),
      timeMs: run.limits.timeMs,
      lang: run.lang,
      t: run.t,
      memo: run.memo,
      ...(run.caseStore ? { caseStore: run.caseStore } : {}),
      mapStack: stackMapper(bundle.map),
      diagnosis: run.diagnosis,
      childValues: (session) => {
        let kept = this.childValues.get(session);
        if (!kept) this.childValues.set(session, (kept = new Map()));
        return kept;
      },
      ...(run.datasets ? { datasets: run.datasets } : {}),
      ...(run.usedTfBackend ? { usedTfBackend: run.usedTfBackend } : {}),
      ...(run.modelGuard ? { modelGuard: run.modelGuard } : {}),
      ...(run.rebuiltModels ? { rebuiltModels: run.rebuiltModels } : {}),
      ...(run.modelResults ? { modelResults: run.modelResults } : {}),
    };
    this.results = new Array(plan.jobs.length);
  }

  bootAhead(visibility: Visibility): void {
    if (!this.early) this.lease.bootAhead(visibility);
  }

  adopt(visibility: Visibility, booted: Session): void {
    this.lease.adopt(visibility, booted);
  }

  close(): void {
    this.lease.close();
  }

  async runPhase(visibility: Visibility, jobs: readonly CheckJob[]): Promise<void> {
    if (this.early) return;
    await this.lease.timed(visibility, async () => {
      this.lease.begin(visibility);
      try {
        for (const job of jobs) if (!(await this.runJob(visibility, job))) return;
      } finally {
        this.lease.release();
      }
    });
  }

  /** Runs one job; false when the module does not load at all and the exercise ends. */
  private async runJob(visibility: Visibility, job: CheckJob): Promise<boolean> {
    const { lease, run, ctx } = this;
    if (lease.struckOut) {
      this.results[job.index] = skippedCheck(job, { strikes: lease.strikes, timeMs: run.limits.timeMs, lang: run.lang, t: run.t });
      return true;
    }
    const taken = await lease.take();
    if (!taken.ok) {
      const why = unrun(taken.failure, visibility, ctx);
      if (taken.first) {
        this.early = unloadableExercise({ exercise: this.plan.exercise, jobs: this.plan.jobs, lang: run.lang, status: 'load-error', ...why, durationMs: 0 });
        // No later phase will run: the children booted for them end now.
        lease.close();
        return false;
      }
      this.results[job.index] = errorCheck(job, run.lang, why);
      return true;
    }
    const startedAt = performance.now();
    const verdict = await runCheck(job, taken.session, ctx);
    lease.settle(verdict);
    this.results[job.index] = checkResultOf(job, verdict, ctx, startedAt);
    return true;
  }

  result(): ExerciseResult {
    if (this.early) return { ...this.early, durationMs: this.lease.spentMs };
    const done = this.results.filter((r): r is CheckResult => r !== undefined);
    if (done.length !== this.plan.jobs.length) throw new Error(`exercise "${this.plan.exercise.manifest.id}": result() before every planned check ran`);
    return gradedExercise({ exercise: this.plan.exercise, lang: this.run.lang, checks: done, maxScore: this.plan.maxScore, durationMs: this.lease.spentMs, logs: this.lease.logs });
  }
}
