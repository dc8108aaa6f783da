import { performance } from 'node:perf_hooks';
import { diagnose } from '../diagnose/diagnose.js';
import type { Messages } from '../i18n/types.js';
import { deriveSeed } from '../kit/rng.js';
import { scopedMemo, type Memo } from '../kit/memo.js';
import { failureMessage } from '../kit/faults.js';
import { bundleSubmissionFile } from '../load/bundle.js';
import { stackMapper } from '../load/stack.js';
import type { CaseOutcome, CheckContext, CheckVerdict, Datasets, StudentRun } from '../model/check.js';
import type { Exercise } from '../model/exercise.js';
import type { Lang } from '../model/localized.js';
import type { CheckResult, ExerciseResult } from '../model/results.js';
import type { Launcher } from '../sandbox/launcher.js';
import type { CaseReply } from '../sandbox/protocol.js';
import type { Session, SessionLimits, SessionOptions } from '../sandbox/session.js';
import type { ChildGroup, SubmissionChildren } from '../sandbox/pool.js';
import type { Step } from '../sandbox/steps.js';
import { decodeValue, EncodeError } from '../sandbox/wire.js';
import { toCheckResult } from './to-result.js';

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
  readonly memo: Memo;
  /** The submission's children: an exercise may take one an earlier exercise left unchanged. */
  readonly children: SubmissionChildren;
  readonly datasets?: Datasets;
  /** Called by checks that run TensorFlow.js models, with the backend's description. */
  readonly usedTfBackend?: (description: string) => void;
}

/**
 * Grades one exercise of one submission: bundle the student's file, start its child, run every
 * check, compare in the grader, name the mistake, score. Never throws for a student's fault: a
 * missing file, a compile error, a crash or a time-out is a result.
 */
export async function gradeExercise(run: ExerciseRun): Promise<ExerciseResult> {
  const started = performance.now();
  const { exercise, t } = run;
  const { manifest } = exercise;
  const checks = exercise.checks.filter((c) => run.mode === 'grade' || manifest.checks[c.id]!.public);
  const header = { id: manifest.id, title: manifest.title[run.lang], file: manifest.file };
  const maxScore = checks.reduce((s, c) => s + manifest.checks[c.id]!.points, 0);
  const allFail = (status: ExerciseResult['status'], message: string, stack?: string): ExerciseResult => ({
    ...header,
    status,
    message,
    score: 0,
    maxScore,
    durationMs: Math.round(performance.now() - started),
    checks: checks.map((c) => ({
      id: c.id,
      title: c.title[run.lang],
      status: 'error',
      score: 0,
      maxScore: manifest.checks[c.id]!.points,
      visibility: manifest.checks[c.id]!.public ? 'public' : 'hidden',
      durationMs: 0,
      message,
      ...(stack ? { stack } : {}),
    })),
  });

  const bundle = await bundleSubmissionFile(run.submissionDir, manifest.file);
  if (!bundle.ok) {
    if (bundle.kind === 'missing') return allFail('missing', t.grading.missingFile(manifest.file));
    if (bundle.kind === 'outside') return allFail('missing', t.grading.outsideFile(manifest.file, bundle.target));
    const first = bundle.errors[0]!;
    const more = bundle.errors.slice(1).map((e) => `\n${t.grading.compileError(e.location, e.text)}`).join('');
    return allFail('compile-error', t.grading.compileError(first.location, first.text) + more);
  }

  const mapStack = stackMapper(bundle.map);
  let session: Session | undefined;
  let group: ChildGroup = 'public';
  let logs = '';
  const sessionOptions: SessionOptions = {
    launcher: run.launcher,
    launch: { childScript: run.childScript, readPaths: run.readPaths },
    limits: run.limits,
    code: bundle.code,
    exports: manifest.exports,
  };
  // Shared modules (tfjs, Node's own) keep state the runner cannot compare: such a child is not
  // handed to the next exercise.
  const reusable = bundle.externals.length === 0;
  const start = async (g: ChildGroup): Promise<{ ok: true } | { ok: false; result: ExerciseResult }> => {
    const outcome = await run.children.acquire(g, sessionOptions);
    if (outcome.ok) {
      session = outcome.session;
      group = g;
      return { ok: true };
    }
    const f = outcome.failure;
    const stack = f.kind === 'load-error' ? mapStack(f.stack) : undefined;
    return { ok: false, result: allFail('load-error', failureMessage(t, f, manifest.file), stack) };
  };
  const release = (): void => {
    if (!session) return;
    // Logs may reveal hidden inputs (a student can print them), so only `check` mode, which runs
    // public checks alone, shows them.
    if (run.mode === 'check') logs += session.output;
    run.children.release(group, sessionOptions, session, reusable);
    session = undefined;
  };

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
      if (e instanceof EncodeError) return { ok: false, fault: { kind: 'unencodable', message: e.message } };
      throw e;
    }
  };

  const results: CheckResult[] = new Array(checks.length);
  // Public checks run first: once hidden inputs have entered the child, nothing it answers may
  // reach feedback the student sees, and only hidden checks come after them.
  const order = checks.map((_, i) => i).sort((a, b) => Number(!manifest.checks[checks[a]!.id]!.public) - Number(!manifest.checks[checks[b]!.id]!.public));
  let loaded = false;
  for (const index of order) {
    const check = checks[index]!;
    const entry = manifest.checks[check.id]!;
    const visibility = entry.public ? 'public' : 'hidden';
    // Hidden checks get a child of their own (see ChildGroup).
    if (session && group !== visibility) release();
    if (!session) {
      const again = await start(visibility);
      if (!again.ok) {
        // The module does not load at all: the whole exercise says so.
        if (!loaded) return again.result;
        results[index] = again.result.checks[index]!;
        continue;
      }
      loaded = true;
    }
    const current = session!;
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
        const r = await current.run(cases);
        return r.ok ? { ok: true, cases: r.cases.map(decodeCase) } : r;
      },
    };
    const checkStarted = performance.now();
    let verdict: CheckVerdict;
    try {
      verdict = await check.run(ctx);
    } catch (e) {
      throw new Error(`check "${manifest.id}/${check.id}" failed inside the grader: ${(e as Error).message}`, { cause: e });
    }
    if (verdict.status === 'sandbox') {
      // A limit was hit: this child is gone; the next check gets a fresh one.
      if (run.mode === 'check') logs += current.output;
      current.close();
      session = undefined;
    }
    const mistake =
      verdict.status === 'failed' && !verdict.diagnosis && verdict.observations
        ? diagnose({ reference: exercise.reference, mistakes: exercise.mistakes, observations: verdict.observations, tolerance: manifest.tolerance })
        : undefined;
    const diagnosed = verdict.status === 'failed' && verdict.diagnosis ? exercise.mistakes.find((m) => m.id === verdict.diagnosis) : mistake;
    results[index] = toCheckResult(verdict, {
      id: check.id,
      title: check.title[run.lang],
      points: entry.points,
      visibility,
      durationMs: performance.now() - checkStarted,
      file: manifest.file,
      lang: run.lang,
      t,
      ...(diagnosed ? { mistake: diagnosed } : {}),
    });
  }
  release();
  return {
    ...header,
    status: 'graded',
    score: results.reduce((s, r) => s + r.score, 0),
    maxScore,
    durationMs: Math.round(performance.now() - started),
    ...(logs ? { logs } : {}),
    checks: results,
  };
}
