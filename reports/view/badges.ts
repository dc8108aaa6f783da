import type { BatchEntry } from '../../grader/model/class-results.js';

/** What a teacher looks for first in a class's row, as codes (grader/i18n's `teacher.status` words them). */
export type Badge = 'not-submitted' | 'not-graded' | 'ungradable' | 'compile-error' | 'missing' | 'late' | 'overridden';

/**
 * The badges of one row: not submitted (roster), not graded (the grader failed on it), not
 * gradable as handed in, an exercise that does not compile or whose file is missing, late, and
 * changed by the teacher's overrides.
 */
export function entryBadges(entry: BatchEntry): Badge[] {
  if (entry.status === 'not-submitted') return ['not-submitted'];
  if (entry.status === 'error') return ['not-graded'];
  const result = entry.result;
  const badges: Badge[] = entry.status === 'ungradable' ? ['ungradable'] : [];
  if (result && entry.status === 'graded') {
    if (result.exercises.some((e) => e.status === 'compile-error' || e.status === 'load-error')) badges.push('compile-error');
    if (result.exercises.some((e) => e.status === 'missing')) badges.push('missing');
  }
  if ((result?.adjustments?.late?.daysLate ?? 0) > 0) badges.push('late');
  if ((result?.adjustments?.overrides.length ?? 0) > 0) badges.push('overridden');
  return badges;
}
