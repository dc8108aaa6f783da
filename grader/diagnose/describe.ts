import type { Messages } from '../i18n/types.js';
import type { CheckResult } from '../model/results.js';

/**
 * What a failed check's diagnosis says besides the named mistakes, as sentences in the result's
 * language: the relation between the answers, then which cases fail. Every output (report,
 * summary, annotations, terminal) words it with this one function.
 */
export function observations(check: CheckResult, t: Messages): string[] {
  if (check.status !== 'failed') return [];
  return [...(check.relation ? [t.diagnose.relation(check.relation)] : []), ...(check.cases ? [t.diagnose.cases(check.cases)] : [])];
}
