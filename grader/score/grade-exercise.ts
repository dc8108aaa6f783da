import { performance } from 'node:perf_hooks';
import { diagnose, type CheckDiagnosis } from '../diagnose/diagnose.js';
import type { Messages } from '../i18n/types.js';
import { deriveSeed } from '../data/rng.js';
import { scopedMemo, type Memo } from '../kit/memo.js';
import { failureMessage, hiddenFailureMessage } from '../kit/faults.js';
import type { BundleOutcome, CompileError } from '../load/bundle.js';
import { stackMapper } from '../load/stack.js';
import type { CaseOutcome, CheckContext, CheckVerdict, Datasets, StudentRun } from '../kit/check.js';
import type { Exercise } from '../load/exercise.js';
import { firstFrame, locateCheck, readSourceBounded, type SourceLocation } from '../load/locate.js';
import { join } from 'node:path';
import type { Lang } from '../model/localized.js';
import type { Manifest } from '../model/manifest.js';
import type { CheckResult, ExerciseResult } from '../model/results.js';
import type { Launcher } from '../sandbox/launcher.js';
import type { CaseEncoder } from '../sandbox/case-encoder.js';
import type { CaseReply } from '../sandbox/protocol.js';
import type { Session, SessionLimits, SessionOptions } from '../sandbox/session.js';
import type { ChildGroup, SubmissionChildren } from '../sandbox/pool.js';
import type { Step } from '../sandbox/steps.js';
import { decodeValue, encodeFault, EncodeError } from '../sandbox/wire.js';
import { toCheckResult } from './to-result.js';
import { cleanStrings } from './clean-text.js';

/** Everything grading one exercise needs, resolved (see GradeOptions for the defaults). */
export interface ExerciseRun {
  readonly exercise: Exercise;
  readonly submissionDir: string;
  readonly mode: 'grade' | 'check';
  readonly lang: Lang;
  readonly t: Messages;
  readonly seed: number;
  readonly launcher: Launcher;
  readonly childScript: string;
  readonly readPaths: readonly string[];
  readonly limits: SessionLimits;
  /** Checks that may run out of time or memory before the rest of the exercise is skipped. */
  readonly strikes: number;
  readonly memo: Memo;
  /** Encodes the memoised cases once for the environment (see createCaseEncoder). */
  readonly encoder?: CaseEncoder;
  /** The submission's children: an exercise may take one an earlier exercise left unchanged. */
  readonly children: SubmissionChildren;
  readonly datasets?: Datasets;
  /** The student's file, bundled with the submission's others (see `createBundler`). */
  readonly bundle: BundleOutcome;
  /** Called by checks that run TensorFlow.js models, with the backend's description. */
  readonly usedTfBackend?: (description: string) => void;
  /** Where the student's file was found below the top of the submission, when it is not at the top. */
  readonly elsewhere?: string;
}

/** Which checks a phase runs: every public check of a submission runs before any hidden one. */
export type Phase = ChildGroup;

/** One exercise being graded, phase by phase (see `startExercise`). */
export interface ExerciseGrading {
  /**
   * Runs this exercise's checks of one visibility. A submission runs the public phase of every
   * exercise before the hidden phase of any, so one child can serve both: hidden inputs enter it
   * only after everything the student is shown was produced.
   */
  phase(visibility: Phase): Promise<void>;
  /** The exercise's result: complete once both phases ran, or once the exercise ended early. */
  result(): ExerciseResult;
}

/** Grades one exercise in one go: its public checks, then its hidden ones. */
export async function gradeExercise(run: ExerciseRun): Promise<ExerciseResult> {
  const grading = await startExercise(run);
  await grading.phase('public');
  await grading.phase('hidden');
  return grading.result();
}

/** One compile error as the student reads it: a file refused before parsing says why, in the grader's words. */
function compileMessage(t: Messages, e: CompileError): string {
  if (e.refusal?.kind === 'too-large') return t.grading.sourceTooLarge(e.location.replace(/:\d+:\d+$/, ''), e.refusal.bytes, e.refusal.limit);
  if (e.refusal?.kind === 'too-deep') return t.grading.sourceTooDeep(e.location, e.refusal.limit);
  if (e.refusal?.kind === 'not-a-file') return t.grading.sourceNotAFile(e.location.replace(/:\d+:\d+$/, ''));
  return t.grading.compileError(e.location, e.text);
}

/** All the requests of one check, together, may take this many times the per-request time limit. */
const CHECK_BUDGET_REQUESTS = 2;

/** A limit whose every hit costs its full amount of time: those count as strikes. */
function strikeOf(verdict: CheckVerdict): 'timeout' | 'memory' | undefined {
  if (verdict.status !== 'sandbox') return undefined;
  const kind = verdict.failure.kind;
  return kind === 'timeout' || kind === 'memory' ? kind : undefined;
}

/**
 * Starts grading one exercise of one submission: bundles the student's file (a missing file or
 * a compile error ends the exercise here). Each phase then takes a child, runs its checks,
 * compares in the grader, names the mistake and scores. Never throws for a student's fault: a
 * missing file, a compile error, a crash or a time-out is a result. After `strikes` checks ran
 * out of time or memory, the exercise's remaining checks are skipped, with a message that says so.
 */
export async function startExercise(run: ExerciseRun): Promise<ExerciseGrading> {
  const started = performance.now();
  let spentMs = 0;
  const { exercise, t } = run;
  const { manifest } = exercise;
  const checks = exercise.checks.filter((c) => run.mode === 'grade' || manifest.checks[c.id]!.public);
  const header = { id: manifest.id, title: manifest.title[run.lang], file: manifest.file };
  const maxScore = checks.reduce((s, c) => s + manifest.checks[c.id]!.points, 0);
  const visibilityOf = (id: string): Phase => (manifest.checks[id]!.public ? 'public' : 'hidden');
  const elapsed = (): number => Math.round(spentMs);
  const located = (message: string, stack?: string): { location?: SourceLocation } => {
    const at = firstFrame(stack) ?? firstFrame(message);
    return at ? { location: at } : {};
  };
  /** Every check fails the same way; hidden ones may get a message of the grader's own words only (`hiddenMessage`). */
  const allFail = (
    status: ExerciseResult['status'],
    message: string,
    more: { stack?: string; code?: 'grader-time'; hiddenMessage?: string } = {},
  ): ExerciseResult => ({
    ...header,
    status,
    message,
    score: 0,
    maxScore,
    durationMs: elapsed(),
    checks: checks.map((c) => ({
      // A hidden check keeps no stack, so no line a throw could choose either.
      ...located(message, visibilityOf(c.id) === 'hidden' ? undefined : more.stack),
      id: c.id,
      title: c.title[run.lang],
      status: 'error',
      score: 0,
      maxScore: manifest.checks[c.id]!.points,
      visibility: visibilityOf(c.id),
      durationMs: 0,
      ...(visibilityOf(c.id) === 'hidden' ? { message: more.hiddenMessage ?? message } : { message, ...(more.stack ? { stack: more.stack } : {}) }),
      ...(more.code ? { code: more.code } : {}),
    })),
  });
  const ended = (result: ExerciseResult): ExerciseGrading => ({ phase: async () => {}, result: () => cleanStrings(result) });

  const bundle = run.bundle;
  spentMs += performance.now() - started;
  if (!bundle.ok) {
    if (bundle.kind === 'missing') {
      return ended(allFail('missing', run.elsewhere ? t.grading.nestedFile(manifest.file, run.elsewhere) : t.grading.missingFile(manifest.file)));
    }
    if (bundle.kind === 'outside') return ended(allFail('missing', t.grading.outsideFile(manifest.file, bundle.target)));
    if (bundle.kind === 'bundler') return ended(allFail('compile-error', bundle.reason === 'timeout' ? t.grading.bundlerTimeout(manifest.file, bundle.limitMs) : t.grading.bundlerCrashed(manifest.file)));
    return ended(allFail('compile-error', bundle.errors.map((e) => compileMessage(t, e)).join('\n')));
  }

  const mapStack = stackMapper(bundle.map);
  let sourceText: string | undefined | null = null;
  const source = (): string | undefined => (sourceText === null ? (sourceText = readSourceBounded(join(run.submissionDir, manifest.file))) : sourceText);
  // Shared modules (tfjs, Node's own) keep state the runner cannot compare: such a child is not
  // handed to the next exercise. A module that imports no package gets a child that can read
  // none: bwrap then binds one folder instead of eighty, which makes every child cheaper to start.
  const reusable = bundle.externals.length === 0;
  const sessionOptions: SessionOptions = {
    launcher: run.launcher,
    launch: { childScript: run.childScript, readPaths: reusable ? [] : run.readPaths },
    limits: run.limits,
    code: bundle.code,
    exports: manifest.exports,
    preload: bundle.externals,
    ...(run.encoder ? { encoder: run.encoder } : {}),
  };
  let logs = '';
  let loaded = false;
  let early: ExerciseResult | undefined;
  const strikes: ('timeout' | 'memory')[] = [];
  const checkBudgetMs = run.limits.timeMs * CHECK_BUDGET_REQUESTS;
  const results: (CheckResult | undefined)[] = new Array(checks.length);

  const decodeCase = (reply: CaseReply): CaseOutcome => {
    if (!reply.ok) {
      const fault = reply.fault;
      if (fault.kind !== 'threw') return { ok: false, fault };
      const stack = mapStack(fault.error.stack);
      return { ok: false, fault: { ...fault, error: { name: String(fault.error.name), message: String(fault.error.message), ...(stack ? { stack } : {}) } } };
    }
    try {
      return { ok: true, outputs: reply.outputs.map((o) => decodeValue(o)) };
    } catch (e) {
      if (e instanceof EncodeError) return { ok: false, fault: encodeFault(e) };
      throw e;
    }
  };

  const skipped = (index: number): CheckResult => {
    const check = checks[index]!;
    const last = strikes[strikes.length - 1]!;
    const status = last === 'timeout' ? ({ status: 'timeout', limitMs: run.limits.timeMs } as const) : ({ status: 'error' } as const);
    return {
      id: check.id,
      title: check.title[run.lang],
      ...status,
      score: 0,
      maxScore: manifest.checks[check.id]!.points,
      visibility: visibilityOf(check.id),
      durationMs: 0,
      message: t.grading.skipped(strikes.length, t.grading.limitNames[last]),
    };
  };

  const runPhase = async (visibility: Phase): Promise<void> => {
    let session: Session | undefined;
    const release = (): void => {
      if (!session) return;
      // Logs may reveal hidden inputs (a student can print them), so only `check` mode, which runs
      // public checks alone, shows them.
      if (run.mode === 'check') logs += session.output;
      run.children.release(visibility, sessionOptions, session, reusable);
      session = undefined;
    };
    try {
      for (let index = 0; index < checks.length; index++) {
        const check = checks[index]!;
        if (visibilityOf(check.id) !== visibility) continue;
        if (strikes.length >= run.strikes) {
          results[index] = skipped(index);
          continue;
        }
        if (!session) {
          const outcome = await run.children.acquire(visibility, sessionOptions);
          if (!outcome.ok) {
            const f = outcome.failure;
            // In the hidden phase, what the module threw at import may carry hidden inputs it
            // kept from elsewhere: only the kind of fault is shown.
            const hidden = visibility === 'hidden';
            const stack = f.kind === 'load-error' && !hidden ? mapStack(f.stack) : undefined;
            const safe = hiddenFailureMessage(t, f, manifest.file);
            const failed = allFail('load-error', hidden ? safe : failureMessage(t, f, manifest.file), {
              ...(stack ? { stack } : {}),
              ...(f.kind === 'grader-time' ? { code: f.kind } : {}),
              hiddenMessage: safe,
            });
            // The module does not load at all: the whole exercise says so.
            if (!loaded) {
              early = failed;
              return;
            }
            results[index] = failed.checks[index]!;
            continue;
          }
          session = outcome.session;
          loaded = true;
        }
        const current = session;
        const seed = deriveSeed(run.seed, `${manifest.id}/${check.id}`);
        const ctx: CheckContext = {
          exercise: manifest,
          reference: exercise.reference,
          tolerance: manifest.tolerance,
          seed,
          memo: scopedMemo(run.memo, `${manifest.id}/${check.id}/${seed}`),
          ...(run.datasets ? { datasets: run.datasets } : {}),
          ...(run.usedTfBackend ? { usedTfBackend: run.usedTfBackend } : {}),
          visibility,
          lang: run.lang,
          t,
          run: async (cases: readonly (readonly Step[])[]): Promise<StudentRun> => {
            // A check's requests share one budget: a property check answered just under the
            // time limit, request after request, would otherwise run for minutes with no strike.
            if (answeringMs >= checkBudgetMs) return { ok: false, failure: { kind: 'timeout', limitMs: run.limits.timeMs } };
            const asked = performance.now();
            const r = await current.run(cases);
            answeringMs += performance.now() - asked;
            return r.ok ? { ok: true, cases: r.cases.map(decodeCase) } : r;
          },
        };
        let answeringMs = 0;
        const checkStarted = performance.now();
        let verdict: CheckVerdict;
        try {
          verdict = await check.run(ctx);
        } catch (e) {
          // The grader's own code failed on this answer: that check's error, never the submission's end.
          verdict = { status: 'error', code: 'grader-fault', message: t.grading.graderFault(manifest.id, check.id, e instanceof Error ? e.message.slice(0, 300) : String(e).slice(0, 300)) };
        }
        if (verdict.status === 'sandbox') {
          // A limit was hit: this child is gone; the next check gets a fresh one.
          if (run.mode === 'check') logs += current.output;
          current.close();
          session = undefined;
        }
        const strike = strikeOf(verdict);
        if (strike) strikes.push(strike);
        const diagnosis = verdict.status === 'failed' ? diagnoseVerdict(verdict, exercise, manifest, ctx.memo) : undefined;
        const location =
          verdict.status === 'passed'
            ? undefined
            : locateCheck({
                file: manifest.file,
                source: source(),
                // A hidden check points at a declaration, never at the line its inputs made throw.
                ...(verdict.status === 'error' && visibility === 'public' && verdict.stack ? { stack: verdict.stack } : {}),
                ...(verdict.status === 'failed' && verdict.observations ? { steps: verdict.observations.map((o) => o.steps) } : {}),
                suspects: diagnosis?.mistakes[0] ? Object.keys(diagnosis.mistakes[0].overrides) : [],
                exports: manifest.exports,
              });
        results[index] = toCheckResult(verdict, {
          ...(location ? { location } : {}),
          id: check.id,
          title: check.title[run.lang],
          points: manifest.checks[check.id]!.points,
          visibility,
          durationMs: performance.now() - checkStarted,
          file: manifest.file,
          lang: run.lang,
          t,
          ...(diagnosis ? { diagnosis } : {}),
        });
      }
    } finally {
      release();
    }
  };

  return {
    async phase(visibility) {
      if (early) return;
      const phaseStarted = performance.now();
      try {
        await runPhase(visibility);
      } finally {
        // The exercise's duration counts its public phase only: the hidden one's time is a
        // channel out of the hidden checks (see toCheckResult).
        if (visibility === 'public') spentMs += performance.now() - phaseStarted;
      }
    },
    result() {
      if (early) return cleanStrings({ ...early, durationMs: elapsed() });
      const done = results.filter((r): r is CheckResult => r !== undefined);
      if (done.length !== checks.length) throw new Error(`exercise "${manifest.id}": result() before both phases ran`);
      return cleanStrings({
        ...header,
        status: 'graded',
        score: done.reduce((s, r) => s + r.score, 0),
        maxScore,
        durationMs: elapsed(),
        ...(logs ? { logs } : {}),
        checks: done,
      });
    },
  };
}

/**
 * What the grader says about a failed check: the mistake the check named by itself (a model's
 * architecture, a shuffled split), or else the catalogue replayed, the relation between the
 * answers and the pattern of the failing cases.
 */
function diagnoseVerdict(verdict: Extract<CheckVerdict, { status: 'failed' }>, exercise: Exercise, manifest: Manifest, memo: Memo): CheckDiagnosis | undefined {
  const own = verdict.diagnosis ? exercise.mistakes.find((m) => m.id === verdict.diagnosis) : undefined;
  if (!verdict.observations) return own ? { mistakes: [own] } : undefined;
  const found = diagnose({
    reference: exercise.reference,
    mistakes: verdict.diagnosis ? [] : exercise.mistakes,
    observations: verdict.observations,
    tolerance: manifest.tolerance,
    memo,
    ...(verdict.evidence ? { shownCaseId: verdict.evidence.caseId } : {}),
  });
  return own ? { ...found, mistakes: [own] } : found;
}
