// Order statistics for every benchmark, one convention: the nearest-rank quantile (the smallest
// sample with at least q of the samples at or below it), so medians and p95 read the same way
// in every line `npm run bench` prints.

/** The nearest-rank q-quantile of the samples; NaN for none. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

/** Median, p95 and count. */
export function stats(samples: readonly number[]): { median: number; p95: number; n: number } {
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), n: samples.length };
}

/** "median 12.3 ms, p95 45.6 ms (n=10)". */
export function formatMs(samples: readonly number[], digits = 0): string {
  const { median, p95, n } = stats(samples);
  return `median ${median.toFixed(digits)} ms, p95 ${p95.toFixed(digits)} ms (n=${n})`;
}
