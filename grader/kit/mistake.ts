import type { Localized } from '../model/localized.js';

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
  /**
   * Other ways to write the same mistake, each a set of overrides tried under this mistake's name:
   * the horizontal gradient alone, normalised with or without |gx|. @default none
   */
  readonly forms?: readonly Readonly<Record<string, unknown>>[];
  /**
   * The same overrides built on another module instead of the reference: lets this mistake be
   * combined with another one that replaces the same export (stride ignored and kernel flipped
   * both replace `convolution`). `wrap(reference)` must behave as `overrides`; undefined when
   * this mistake cannot be made on top of `base`'s (one window too few on top of one too many).
   * @default none: combined only with mistakes that replace other exports
   */
  readonly wrap?: (base: Readonly<Record<string, unknown>>) => Readonly<Record<string, unknown>> | undefined;
}
