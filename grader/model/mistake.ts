import type { Localized } from './localized.js';

/**
 * A known wrong variant of an exercise: `exercises/<id>/mistakes/<mistake>.ts` exports one. When a
 * check fails, the grader replays the student's cases on the reference with `overrides` swapped
 * in; if the variant reproduces every answer, the mistake is named in the result.
 */
export interface MistakeDefinition {
  /** Stable and unique across all exercises, e.g. "flipped-kernel". */
  readonly id: string;
  readonly title: Localized;
  readonly explanation: Localized;
  readonly hint: Localized;
  /** Exports of the reference module replaced by their mistaken versions. */
  readonly overrides: Readonly<Record<string, unknown>>;
}
