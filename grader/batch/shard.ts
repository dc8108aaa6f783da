import { UsageError } from '../model/errors.js';

/** One part of a class split for a CI matrix: `index` in 1..count. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `--shard i/n` (1-based, like CI matrices). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new UsageError(`--shard must look like 2/5 (this machine's part / number of parts), not "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new UsageError(`--shard ${text}: the part must be between 1 and ${Math.max(count, 1)}`);
  return { index, count };
}

/**
 * The items of one shard: names sorted, then dealt round-robin, so every shard of the same class
 * gets the same deterministic part whatever machine it runs on, and the parts differ by one at most.
 */
export function selectShard<T extends { readonly name: string }>(items: readonly T[], shard: Shard | undefined): T[] {
  const sorted = [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (!shard) return sorted;
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}
