import type { Rng } from 'neurograde/kit';

/** A standard normal draw from the seeded generator (Box-Muller), as `np.random.randn`. */
function randn(rng: Rng): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/**
 * The notes' series: `t = np.arange(0, 10, 0.1)`, `x = np.sin(t) + np.random.randn(len(t)) * 0.1`,
 * 100 points, with seeded noise so that the case is the same on every run.
 */
export function noisySine(rng: Rng): number[] {
  return Array.from({ length: 100 }, (_, k) => Math.sin(k * 0.1) + randn(rng) * 0.1);
}

/** The windows of length s and their next value, built here so the checks do not lean on the reference. */
export function windowsOf(series: readonly number[], s: number): { X: number[][]; Y: number[][] } {
  const X: number[][] = [];
  const Y: number[][] = [];
  for (let i = 0; i + s < series.length; i++) {
    X.push(series.slice(i, i + s));
    Y.push([series[i + s]!]);
  }
  return { X, Y };
}
