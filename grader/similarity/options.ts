/** How a class is compared. Every field has a default; `resolveSimilarityOptions` fills them once. */
export interface SimilarityOptions {
  /**
   * A pair of submissions at or above this similarity (shared fingerprints over all of both
   * submissions' fingerprints, every exercise file together) is flagged: its own page, a place
   * in the clusters.
   * @default 0.4
   */
  readonly threshold?: number;
  /**
   * A fingerprint found in more than this fraction of the class's copies of a file is code the
   * class shares (a helper from the course, an idiom everyone writes) and is ignored, like the
   * starter. Never fewer than two copies.
   * @default 0.5
   */
  readonly commonFraction?: number;
  /**
   * Pairs listed in similarity.json and index.html besides the flagged ones, most similar first.
   * @default 25
   */
  readonly listed?: number;
  /**
   * A student's file larger than this is left out of the comparison and listed as skipped: the
   * comparison's cost grows with the product of two files' sizes.
   * @default 65536
   */
  readonly maxFileBytes?: number;
  /**
   * Tokens in a fingerprinted k-gram (Dolos' -k). Smaller finds shorter shared stretches, and
   * more coincidences.
   * @default 18
   */
  readonly kgramLength?: number;
  /**
   * K-grams in a winnowing window (Dolos' -w): one fingerprint is kept per window.
   * @default 10
   */
  readonly kgramsInWindow?: number;
}

export type ResolvedSimilarityOptions = Required<SimilarityOptions>;

export const SIMILARITY_DEFAULTS: ResolvedSimilarityOptions = {
  threshold: 0.4,
  commonFraction: 0.5,
  listed: 25,
  maxFileBytes: 65536,
  kgramLength: 18,
  kgramsInWindow: 10,
};

export function resolveSimilarityOptions(o: SimilarityOptions = {}): ResolvedSimilarityOptions {
  const defined = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return { ...SIMILARITY_DEFAULTS, ...defined };
}
