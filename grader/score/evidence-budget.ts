import type { Messages } from '../i18n/types.js';
import type { CheckResult, Evidence, ExerciseResult } from '../model/results.js';

/** How much evidence (inputs, expected and obtained values of failed public checks) results keep. */
export interface EvidenceBudget {
  /** JSON characters of one check's evidence. @default 2 MiB (the notes' image, expected and obtained, takes about 1 MiB) */
  readonly perCheck: number;
  /** JSON characters of all the evidence of a submission. @default 8 MiB */
  readonly perSubmission: number;
}

export const DEFAULT_EVIDENCE_BUDGET: EvidenceBudget = { perCheck: 2 * 1024 * 1024, perSubmission: 8 * 1024 * 1024 };

/**
 * The JSON length of a value if at most `limit`, else undefined; stops reading as soon as it
 * is over, so a 16 MiB answer costs what the limit costs.
 */
export function jsonLengthWithin(value: unknown, limit: number): number | undefined {
  let n = 0;
  const walk = (v: unknown): boolean => {
    if (n > limit) return false;
    if (v === null || v === undefined) n += 4;
    else if (typeof v === 'string') n += v.length + 2;
    else if (typeof v === 'number' || typeof v === 'boolean') n += String(v).length;
    else if (Array.isArray(v)) {
      n += 2;
      for (const x of v) if (!walk(x) || (n += 1) > limit) return false;
    } else if (typeof v === 'object') {
      n += 2;
      for (const [k, x] of Object.entries(v)) if (!walk(x) || (n += k.length + 4) > limit) return false;
    }
    return n <= limit;
  };
  return walk(value) ? n : undefined;
}

/**
 * Results with evidence within the budget: a check whose evidence is larger keeps its message,
 * mismatch and diagnosis, and its evidence's values give way to a note saying what was left
 * out; once a submission's evidence reaches its budget, later checks keep none. Answers within
 * every limit of the sandbox, kept whole, made a results.json of 370 MB.
 */
export function withinEvidenceBudget(exercises: readonly ExerciseResult[], t: Messages, budget: EvidenceBudget = DEFAULT_EVIDENCE_BUDGET): ExerciseResult[] {
  let left = budget.perSubmission;
  const trim = (check: CheckResult): CheckResult => {
    if (check.status !== 'failed' || !check.evidence) return check;
    const size = jsonLengthWithin(check.evidence, Math.min(budget.perCheck, left));
    if (size !== undefined) {
      left -= size;
      return check;
    }
    const note = t.grading.evidenceOmitted(Math.round(Math.min(budget.perCheck, Math.max(0, left)) / 1024));
    const evidence: Evidence = { caseId: check.evidence.caseId, ...(check.evidence.shrunk ? { shrunk: true } : {}), got: note };
    return { ...check, evidence };
  };
  return exercises.map((e) => ({ ...e, checks: e.checks.map(trim) }));
}
