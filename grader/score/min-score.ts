/** A minimum score: points (`12`) or a share of the maximum (`60%`). */
export type MinScore = { readonly kind: 'points'; readonly value: number } | { readonly kind: 'percent'; readonly value: number };

/** The points a minimum stands for on a given maximum. */
export function minPoints(min: MinScore, maxScore: number): number {
  return min.kind === 'points' ? min.value : (min.value / 100) * maxScore;
}

export function formatMin(min: MinScore): string {
  return min.kind === 'points' ? String(min.value) : `${min.value}%`;
}
