import { UsageError } from '../model/errors.js';
import type { SimilarityOptions } from '../similarity/options.js';

// Kept apart from the command itself: `batch` parses these on every run, and loads the
// similarity stage (Dolos, tree-sitter) only with --similarity.

/** The options `similarity` and `batch --similarity` share. */
export const SIMILARITY_OPTIONS = {
  threshold: { type: 'string' },
  common: { type: 'string' },
} as const;

/** A fraction written 0.4 or 40%, in [0, 1]. */
export function parseFraction(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(value.trim());
  const x = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(x >= 0 && x <= 1)) throw new UsageError(`${flag} must be a fraction between 0 and 1 (0.4) or a percentage (40%), not "${value}"`);
  return x;
}

export function similarityOptions(values: { threshold?: string; common?: string }): SimilarityOptions {
  const threshold = parseFraction(values.threshold, '--threshold');
  const commonFraction = parseFraction(values.common, '--common');
  return { ...(threshold !== undefined ? { threshold } : {}), ...(commonFraction !== undefined ? { commonFraction } : {}) };
}
