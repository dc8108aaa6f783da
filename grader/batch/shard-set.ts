import type { ShardProblem } from '../model/class-results.js';
import type { Shard } from './shard.js';

/** What one output folder given to `merge` says about the part of the class it holds. */
export interface ShardOutput {
  readonly dir: string;
  readonly shard?: Shard;
  readonly fingerprint?: string;
}

const label = (s: Shard): string => `${s.index}/${s.count}`;

/**
 * Everything that keeps a set of outputs from being the whole class: an output made without
 * `--shard`, one of another split (`2/3` among `i/2`), one graded with another grader or other
 * exercises (its fingerprint), and each shard missing or given twice. The first sharded output
 * sets the split and the fingerprint the others are held to. Empty when the set is complete.
 */
export function shardSetProblems(outputs: readonly ShardOutput[]): ShardProblem[] {
  const problems: ShardProblem[] = [];
  const first = outputs.find((o) => o.shard);
  for (const o of outputs) if (!o.shard) problems.push({ code: 'unsharded', dir: o.dir });
  if (!first?.shard) return problems;
  const count = first.shard.count;
  const byIndex = new Map<number, string[]>();
  for (const o of outputs) {
    if (!o.shard) continue;
    if (o.shard.count !== count) {
      problems.push({ code: 'count', dir: o.dir, shard: label(o.shard), expected: count });
      continue;
    }
    if (o.fingerprint !== first.fingerprint) problems.push({ code: 'mismatch', dir: o.dir, other: first.dir });
    byIndex.set(o.shard.index, [...(byIndex.get(o.shard.index) ?? []), o.dir]);
  }
  for (let i = 1; i <= count; i++) {
    const dirs = byIndex.get(i) ?? [];
    if (dirs.length === 0) problems.push({ code: 'missing', shard: label({ index: i, count }) });
    else if (dirs.length > 1) problems.push({ code: 'duplicate', shard: label({ index: i, count }), dirs });
  }
  return problems;
}
