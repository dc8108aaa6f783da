import type { CheckVerdict } from '../kit/check.js';
import type { Lang } from '../model/localized.js';
import type { MistakeDefinition } from '../kit/mistake.js';
import type { CheckResult, Diagnosis } from '../model/results.js';
import type { CheckDiagnosis } from '../diagnose/diagnose.js';
import type { SourceLocation } from '../load/locate.js';
import type { Messages } from '../i18n/types.js';
import { failureMessage, hiddenFailureMessage } from '../kit/faults.js';

export interface ResultContext {
  readonly id: string;
  readonly title: string;
  readonly points: number;
  readonly visibility: 'public' | 'hidden';
  readonly durationMs: number;
  readonly file: string;
  readonly lang: Lang;
  readonly t: Messages;
  /** What the diagnosis found, if the verdict failed. */
  readonly diagnosis?: CheckDiagnosis;
  /** Where the check points in the student's files (see locateCheck). */
  readonly location?: SourceLocation;
}

function localized(m: MistakeDefinition, lang: Lang): Diagnosis {
  return { id: m.id, title: m.title[lang], explanation: m.explanation[lang], hint: m.hint[lang] };
}

/**
 * The diagnosis as result fields. A hidden check keeps the mistakes named and a relation every
 * failing case shows (both about the student's code), but not which of its cases fail nor a
 * relation of one case: those would tell its inputs.
 */
function diagnosisFields(verdict: Extract<CheckVerdict, { status: 'failed' }>, ctx: ResultContext): Partial<Extract<CheckResult, { status: 'failed' }>> {
  const d = ctx.diagnosis;
  const [first, ...also] = d?.mistakes ?? [];
  const hidden = ctx.visibility === 'hidden';
  return {
    ...(first ? { diagnosis: first.id, mistake: localized(first, ctx.lang) } : verdict.diagnosis ? { diagnosis: verdict.diagnosis } : {}),
    ...(also.length > 0 ? { alsoMistakes: also.map((m) => localized(m, ctx.lang)) } : {}),
    ...(d?.relation && (!hidden || d.relation.scope === 'every') ? { relation: d.relation } : {}),
    ...(d?.cases && !hidden ? { cases: d.cases } : {}),
  };
}

/**
 * A check's verdict as a result. Hidden checks keep their status, score and diagnosis but lose
 * every value: no input, no expected or obtained number, no message the student's code wrote.
 */
export function toCheckResult(verdict: CheckVerdict, ctx: ResultContext): CheckResult {
  const hidden = ctx.visibility === 'hidden';
  const base = {
    id: ctx.id,
    title: ctx.title,
    maxScore: ctx.points,
    visibility: ctx.visibility,
    // A hidden check's duration is a channel out of it: code that recognises a hidden input can
    // spend time in proportion to what it sees. It is never recorded.
    durationMs: hidden ? 0 : Math.round(ctx.durationMs),
  };
  const at = ctx.location ? { location: ctx.location } : {};
  switch (verdict.status) {
    case 'passed':
      return { ...base, status: 'passed', score: ctx.points, ...(verdict.message ? { message: verdict.message } : {}) };
    case 'failed': {
      const mistake = diagnosisFields(verdict, ctx);
      if (hidden) {
        const what = verdict.mismatch ? ctx.t.grading.hiddenWhat[verdict.mismatch.kind] : verdict.mutated ? ctx.t.grading.hiddenWhat.mutated : ctx.t.grading.hiddenWhat.values;
        return { ...base, status: 'failed', score: 0, message: ctx.t.grading.hiddenFailed(what), ...mistake, ...at };
      }
      return {
        ...base,
        status: 'failed',
        score: 0,
        message: verdict.message,
        ...mistake,
        ...(verdict.mismatch ? { mismatch: verdict.mismatch } : {}),
        ...(verdict.evidence ? { evidence: verdict.evidence } : {}),
        ...at,
      };
    }
    case 'error':
      if (hidden) return { ...base, status: 'error', score: 0, message: ctx.t.grading.hiddenError(ctx.file, ctx.t.grading.hiddenFault.threw), ...(verdict.code ? { code: verdict.code } : {}), ...at };
      return { ...base, status: 'error', score: 0, message: verdict.message, ...(verdict.stack ? { stack: verdict.stack } : {}), ...(verdict.code ? { code: verdict.code } : {}), ...at };
    case 'sandbox':
      if (verdict.failure.kind === 'timeout') {
        return { ...base, status: 'timeout', score: 0, message: ctx.t.grading.timeout(verdict.failure.limitMs), limitMs: verdict.failure.limitMs, ...at };
      }
      return {
        ...base,
        status: 'error',
        score: 0,
        message: (hidden ? hiddenFailureMessage : failureMessage)(ctx.t, verdict.failure, ctx.file),
        ...(verdict.failure.kind === 'grader-time' ? { code: 'grader-time' as const } : {}),
        ...at,
      };
  }
}
