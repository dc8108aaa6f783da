/**
 * Seeded randomness for data splits, noise and shuffles. `Math.random` cannot be seeded, and a
 * grade must not depend on luck: the same seed gives the same numbers on every machine (only
 * 32-bit integer arithmetic and IEEE doubles, no platform-dependent math).
 */

import { createRng } from './rng.js';

/** A bare source of uniform numbers in [0, 1) (for data; checks draw cases with the richer `Rng` of rng.ts). */
export type UniformSource = () => number;

/**
 * mulberry32, the same generator the checks draw their cases from (`grader/data/rng.ts`): a small,
 * fast 32-bit generator, plenty for shuffles and noise (not cryptographic).
 * @param seed any integer (taken modulo 2^32)
 */
export function mulberry32(seed: number): UniformSource {
  return createRng(seed).next;
}

/** Standard normal draws (Box-Muller; the spare value is kept, so draws come in pairs). */
export function normalGenerator(rng: UniformSource): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    // 1 - u is in (0, 1]: log never sees 0.
    const r = Math.sqrt(-2 * Math.log(1 - rng()));
    const theta = 2 * Math.PI * rng();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
}

/** A seeded permutation of 0..n-1 (Fisher-Yates). */
export function permutation(n: number, rng: UniformSource): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}
