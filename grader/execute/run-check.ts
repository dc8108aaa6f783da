import { performance } from 'node:perf_hooks';
import { diagnose, type CheckDiagnosis } from '../diagnose/diagnose.js';
import type { Messages } from '../i18n/types.js';
import type { CaseOutcome, CheckContext, CheckVerdict, Datasets, StudentRun } from '../kit/check.js';
import { persistingMemo, scopedMemo, type Memo, type PersistentValues } from '../kit/memo.js';
import type { Exercise } from '../load/exercise.js';
import { locateCheck, type SourceLocation } from '../load/locate.js';
import type { Lang } from '../model/localized.js';
import type { CheckResult } from '../model/results.js';
import type { CaseReply } from '../sandbox/protocol.js';
import type { Session } from '../sandbox/session.js';
import type { Step } from '../sandbox/steps.js';
import type { ModelResults } from '../tf/model-results.js';
import { decodeValue, encodeFault, EncodeError } from '../sandbox/wire.js';
import { toCheckResult } from '../score/check-result.js';
import type { CheckJob } from './plan.js';
import type { ModelGuard } from '../tf/rebuild-guard.js';
import type { RebuiltModels } from '../tf/rebuilt-models.js';

/** What running a check needs besides the job and the child. */
export interface CheckRunContext {
  readonly exercise: Exercise;
  readonly lang: Lang;
  readonly t: Messages;
  readonly memo: Memo;
  /** Keeps the checks' plain-data values (cases, reference answers) across processes (see persistingMemo). @default memory only */
  readonly caseStore?: PersistentValues;
  readonly datasets?: Datasets;
  readonly usedTfBackend?: (description: string) => void;
  readonly modelGuard?: ModelGuard;
  readonly rebuiltModels?: RebuiltModels;
  readonly modelResults?: ModelResults;
  /** Maps a stack trace of the bundled code back to the student's files. */
  readonly mapStack: (stack: string | undefined) => string | undefined;
  /** The student's file, read once when a check first needs to point into it. */
  readonly source: () => string | undefined;
  /** The time limit of one request, ms. */
  readonly timeMs: number;
  /** Whether a failed check is diagnosed (see GradingEnvironment.diagnosis). */
  readonly diagnosis: boolean;
  /** The values kept for one child of this exercise (see CheckContext.childValues). @default none kept */
  readonly childValues?: (session: Session) => Map<string, unknown>;
}

/** All the requests of one check, together, may take this many times the per-request time limit. */
const CHECK_BUDGET_REQUESTS = 2;

/** A case's reply as the check sees it: outputs decoded to plain values, a thrown error with the student's own stack. */
export function decodeCase(reply: CaseReply, mapStack: CheckRunContext['mapStack']): CaseOutcome {
  if (!reply.ok) {
    const fault = reply.fault;
    if (fault.kind !== 'threw') return { ok: false, fault };
    const stack = mapStack(fault.error.stack);
    return { ok: false, fault: { ...fault, error: { name: String(fault.error.name), message: String(fault.error.message), ...(stack ? { stack } : {}) } } };
  }
  try {
    return { ok: true, outputs: reply.outputs.map((o) => decodeValue(o)), ...(reply.changed ? { changed: reply.changed } : {}) };
  } catch (e) {
    if (e instanceof EncodeError) return { ok: false, fault: encodeFault(e) };
    throw e;
  }
}

/**
 * The check's memo: the environment's, under the check and its seed; with a store and an
 * exercise bundled by this grader, its plain-data values are kept across processes too, under
 * the exercise's build (what makes the code that computes them) besides, unless the seed is
 * the submission's own.
 */
function memoOf(job: CheckJob, c: CheckRunContext): Memo {
  const { manifest, build } = c.exercise;
  const memo = scopedMemo(c.memo, `${manifest.id}/${job.check.id}/${job.seed}`);
  return c.caseStore && build && !job.ownSeed ? persistingMemo(memo, c.caseStore, [build, manifest.id, job.check.id, String(job.seed)]) : memo;
}

function checkContext(job: CheckJob, session: Session, c: CheckRunContext): CheckContext {
  const { manifest } = c.exercise;
  const budgetMs = c.timeMs * CHECK_BUDGET_REQUESTS;
  let answeringMs = 0;
  return {
    exercise: manifest,
    reference: c.exercise.reference,
    tolerance: manifest.tolerance,
    seed: job.seed,
    memo: memoOf(job, c),
    exerciseMemo: scopedMemo(c.memo, `${manifest.id}/`),
    ...(c.childValues ? { childValues: c.childValues(session) } : {}),
    ...(c.datasets ? { datasets: c.datasets } : {}),
    ...(c.usedTfBackend ? { usedTfBackend: c.usedTfBackend } : {}),
    ...(c.modelGuard ? { modelGuard: c.modelGuard } : {}),
    ...(c.rebuiltModels ? { rebuiltModels: c.rebuiltModels } : {}),
    ...(c.modelResults ? { modelResults: c.modelResults } : {}),
    visibility: job.visibility,
    lang: c.lang,
    t: c.t,
    run: async (cases: readonly (readonly Step[])[]): Promise<StudentRun> => {
      // A check's requests share one budget: a property check answered just under the time
      // limit, request after request, would otherwise run for minutes with no strike.
      if (answeringMs >= budgetMs) return { ok: false, failure: { kind: 'timeout', limitMs: c.timeMs } };
      // Only the student's clock counts: a slow start or answer transfer is the grader's.
      const before = session.studentMs;
      const r = await session.run(cases);
      answeringMs += session.studentMs - before;
      return r.ok ? { ok: true, cases: r.cases.map((reply) => decodeCase(reply, c.mapStack)) } : r;
    },
  };
}

/** Runs one check on a child. The student's faults are verdicts; a check that throws is the grader's fault, that check's error, never the submission's end. */
export async function runCheck(job: CheckJob, session: Session, c: CheckRunContext): Promise<CheckVerdict> {
  try {
    return await job.check.run(checkContext(job, session, c));
  } catch (e) {
    const detail = e instanceof Error ? e.message.slice(0, 300) : String(e).slice(0, 300);
    return { status: 'error', code: 'grader-fault', message: c.t.grading.graderFault(c.exercise.manifest.id, job.check.id, detail) };
  }
}

/**
 * What the grader says about a failed check: the mistake the check named by itself (a model's
 * architecture, a shuffled split), or else the catalogue replayed, the relation between the
 * answers and the pattern of the failing cases.
 */
export function diagnoseVerdict(verdict: Extract<CheckVerdict, { status: 'failed' }>, exercise: Exercise, memo: Memo): CheckDiagnosis | undefined {
  const own = verdict.diagnosis ? exercise.mistakes.find((m) => m.id === verdict.diagnosis) : undefined;
  if (!verdict.observations) return own ? { mistakes: [own] } : undefined;
  const found = diagnose({
    reference: exercise.reference,
    mistakes: verdict.diagnosis ? [] : exercise.mistakes,
    observations: verdict.observations,
    tolerance: exercise.manifest.tolerance,
    memo,
    ...(verdict.evidence ? { shownCaseId: verdict.evidence.caseId } : {}),
  });
  return own ? { ...found, mistakes: [own] } : found;
}

/** Where a check that did not pass points in the student's files (see locateCheck). */
function locationOf(job: CheckJob, verdict: CheckVerdict, c: CheckRunContext, diagnosis: CheckDiagnosis | undefined): SourceLocation | undefined {
  if (verdict.status === 'passed') return undefined;
  const { manifest } = c.exercise;
  return locateCheck({
    file: manifest.file,
    source: c.source(),
    // A hidden check points at a declaration, never at the line its inputs made throw.
    ...(verdict.status === 'error' && job.visibility === 'public' && verdict.stack ? { stack: verdict.stack } : {}),
    ...(verdict.status === 'failed' && verdict.observations ? { steps: verdict.observations.map((o) => o.steps) } : {}),
    suspects: diagnosis?.mistakes[0] ? Object.keys(diagnosis.mistakes[0].overrides) : [],
    exports: manifest.exports,
  });
}

/** A verdict as the check's result: diagnosed, located and, for a hidden check, redacted (see toCheckResult). */
export function checkResultOf(job: CheckJob, verdict: CheckVerdict, c: CheckRunContext, startedAt: number): CheckResult {
  const diagnosis = verdict.status === 'failed' && c.diagnosis ? diagnoseVerdict(verdict, c.exercise, memoOf(job, c)) : undefined;
  const location = locationOf(job, verdict, c, diagnosis);
  return toCheckResult(verdict, {
    ...(location ? { location } : {}),
    id: job.check.id,
    title: job.check.title[c.lang],
    points: job.points,
    visibility: job.visibility,
    durationMs: performance.now() - startedAt,
    file: c.exercise.manifest.file,
    lang: c.lang,
    t: c.t,
    ...(diagnosis ? { diagnosis } : {}),
  });
}
