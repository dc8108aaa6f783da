/** A small seeded generator (mulberry32): the same seed gives the same cases on every machine. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** Float in [min, max). */
  float(min: number, max: number): number;
  /** An h x w matrix of integers in [min, max]. */
  intMatrix(h: number, w: number, min: number, max: number): number[][];
  /** An h x w matrix of floats in [min, max). */
  floatMatrix(h: number, w: number, min: number, max: number): number[][];
  /** One of the items. */
  pick<T>(items: readonly T[]): T;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const float = (min: number, max: number): number => min + next() * (max - min);
  return {
    next,
    int,
    float,
    intMatrix: (h, w, min, max) => Array.from({ length: h }, () => Array.from({ length: w }, () => int(min, max))),
    floatMatrix: (h, w, min, max) => Array.from({ length: h }, () => Array.from({ length: w }, () => float(min, max))),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

/** A 32-bit seed from a grading seed and a name (FNV-1a), so each check has its own stream. */
export function deriveSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
