import type { Messages } from '../grader/i18n/index.js';
import type { ShardProblem } from '../grader/model/class-results.js';

/** One problem in words. */
export function shardProblemText(t: Messages, p: ShardProblem): string {
  const m = t.batch.merge.problem;
  switch (p.code) {
    case 'missing':
      return m.missing(p.shard);
    case 'duplicate':
      return m.duplicate(p.shard, p.dirs.join(', '));
    case 'count':
      return m.count(p.dir, p.shard, p.expected);
    case 'mismatch':
      return m.mismatch(p.dir, p.other);
    case 'unsharded':
      return m.unsharded(p.dir);
  }
}
