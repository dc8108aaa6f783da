import { describe, expect, it, vi } from 'vitest';
import { createMemo, persistingMemo, scopedMemo, type PersistentValues } from './memo.js';

/** A store that records what it is asked, and holds values in a map (as a folder would). */
function recordingStore(): PersistentValues & { readonly asked: string[][]; readonly held: Map<string, unknown> } {
  const asked: string[][] = [];
  const held = new Map<string, unknown>();
  return {
    asked,
    held,
    recall<T>(parts: readonly string[], compute: () => T): T {
      asked.push([...parts]);
      const key = parts.join('|');
      if (!held.has(key)) held.set(key, compute());
      return held.get(key) as T;
    },
  };
}

const SCOPE = ['exercise-build', 'convolution', 'random-cases', '42'];

describe('a persisting memo', () => {
  it('asks the store once per environment for a value marked persist, under the scope and its key', () => {
    const store = recordingStore();
    const memo = persistingMemo(scopedMemo(createMemo(), 'convolution/random-cases/42'), store, SCOPE);
    const compute = vi.fn(() => ({ cases: [1] }));
    const first = memo('cases', compute, { persist: true });
    // A batch's next submission: the environment's memo answers, neither the store nor compute.
    expect(memo('cases', compute, { persist: true })).toBe(first);
    expect(store.asked).toEqual([[...SCOPE, 'cases']]);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('a fresh environment gets the stored value without computing it', () => {
    const store = recordingStore();
    persistingMemo(createMemo(), store, SCOPE)('cases', () => ({ cases: [1] }), { persist: true });
    const compute = vi.fn(() => ({ cases: [2] }));
    expect(persistingMemo(createMemo(), store, SCOPE)('cases', compute, { persist: true })).toEqual({ cases: [1] });
    expect(compute).not.toHaveBeenCalled();
  });

  it('keeps a value not marked persist (a model\'s facts) in memory only', () => {
    const store = recordingStore();
    const memo = persistingMemo(createMemo(), store, SCOPE);
    const compute = vi.fn(() => 1);
    memo('reference-model', compute);
    memo('reference-model', compute);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(store.asked).toEqual([]);
  });
});
