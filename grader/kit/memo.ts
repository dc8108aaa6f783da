/** How a memoised value may be kept. */
export interface MemoOptions {
  /**
   * The value is plain data (see isPlainData) decided by the memo's scope and key alone, the
   * grader's own code and the exercise's build: it may be kept on disk for later processes (see
   * persistingMemo). A value that is not plain data is then computed at every start, as without.
   * @default false: kept in memory only
   */
  readonly persist?: boolean;
}

/**
 * Computes a value once and hands back the same one afterwards. A grading environment holds one
 * store for all its submissions: a check's cases and the reference's answers depend only on the
 * seed, so a class of 300 computes them once, not 300 times. Cached values are shared: never
 * mutate what a memo returns.
 */
export type Memo = <T>(key: string, compute: () => T, options?: MemoOptions) => T;

export function createMemo(store: Map<string, unknown> = new Map()): Memo {
  return <T>(key: string, compute: () => T): T => {
    if (store.has(key)) return store.get(key) as T;
    const value = compute();
    store.set(key, value);
    return value;
  };
}

/** The same store under a prefix, so two checks never collide. */
export function scopedMemo(memo: Memo, prefix: string): Memo {
  return (key, compute, options) => memo(`${prefix}\u0000${key}`, compute, options);
}

/** Values kept across processes by what determines them (see grader/io/value-store). */
export interface PersistentValues {
  /** The value stored under `parts`, else `compute`'s (stored when it is plain data). */
  recall<T>(parts: readonly string[], compute: () => T): T;
}

/**
 * `memo` with its values asked `persist` kept in `values` too, under `scope` and their key: a
 * cold process reads what an earlier one computed. The memo still answers first, so an
 * environment reads or computes each value once. `scope` must name everything `memo`'s prefix
 * stands for and what makes its code (the exercise's build).
 */
export function persistingMemo(memo: Memo, values: PersistentValues, scope: readonly string[]): Memo {
  return (key, compute, options) => (options?.persist ? memo(key, () => values.recall([...scope, key], compute), options) : memo(key, compute, options));
}
