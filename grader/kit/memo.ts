/**
 * Computes a value once and hands back the same one afterwards. A grading environment holds one
 * store for all its submissions: a check's cases and the reference's answers depend only on the
 * seed, so a class of 300 computes them once, not 300 times. Cached values are shared: never
 * mutate what a memo returns.
 */
export type Memo = <T>(key: string, compute: () => T) => T;

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
  return (key, compute) => memo(`${prefix}\u0000${key}`, compute);
}
