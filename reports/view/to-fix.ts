import type { Messages } from '../../grader/i18n/types.js';
import type { Lang } from '../../grader/model/localized.js';
import type { CheckResult, ExerciseResult } from '../../grader/model/results.js';
import { checkStatusView } from './check.js';
import { anchorOf } from './exercise.js';
import { formatScore } from '../../grader/i18n/score.js';
import type { ExerciseView, ToFixView } from './types.js';

interface Group {
  readonly key: string;
  readonly cause: string;
  readonly anchor?: string;
  readonly status: ToFixView['status'];
  lost: number;
  readonly items: { anchor: string; exercise: string; check: string }[];
}

/** What a failing check is grouped by: the mistakes it names (one bug, one entry), else itself. */
function causeOf(e: ExerciseResult, c: Exclude<CheckResult, { status: 'passed' }>): { key: string; cause: string; anchor?: string } {
  if (c.status === 'failed' && c.mistake) {
    const all = [c.mistake, ...(c.alsoMistakes ?? [])];
    return { key: `${e.id}\u0000${all.map((m) => m.id).join('+')}`, cause: all.map((m) => m.title).join(' + ') };
  }
  return { key: `${e.id}\u0000${c.id}`, cause: `${e.title} — ${c.title}`, anchor: anchorOf('ex', e.id, c.id) };
}

/**
 * "To fix first": one entry per cause (every check naming the same mistake of an exercise, an
 * exercise that could not run, or one failing check), the one costing the most points first;
 * equal costs keep the report's order.
 */
export function toFixView(exercises: readonly ExerciseResult[], views: readonly ExerciseView[], o: { readonly lang: Lang; readonly labels: Messages['report'] }): ToFixView[] {
  const groups = new Map<string, Group>();
  exercises.forEach((e, i) => {
    const ex = views[i]!;
    if (e.status !== 'graded') {
      groups.set(`${e.id}\u0000`, { key: e.id, cause: `${e.title} — ${e.file}`, anchor: ex.anchor, status: ex.status, lost: e.maxScore - e.score, items: [] });
      return;
    }
    for (const c of e.checks) {
      if (c.status === 'passed') continue;
      const { key, cause, anchor } = causeOf(e, c);
      const group = groups.get(key) ?? { key, cause, ...(anchor ? { anchor } : {}), status: checkStatusView(o.labels, c.status), lost: 0, items: [] };
      group.lost += c.maxScore - c.score;
      if (!anchor) group.items.push({ anchor: anchorOf('ex', e.id, c.id), exercise: e.title, check: c.title });
      groups.set(key, group);
    }
  });
  return [...groups.values()]
    .map((g, order) => ({ g, order }))
    .sort((a, b) => b.g.lost - a.g.lost || a.order - b.order)
    .map(({ g }) => ({ cause: g.cause, ...(g.anchor ? { anchor: g.anchor } : {}), status: g.status, points: o.labels.atStake(formatScore(g.lost, o.lang)), items: g.items }));
}
