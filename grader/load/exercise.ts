import type { CheckDefinition } from '../kit/check.js';
import type { Localized } from '../model/localized.js';
import type { Manifest } from '../model/manifest.js';
import type { MistakeDefinition } from '../kit/mistake.js';

/** An exercise as the grader holds it once loaded and validated. */
export interface Exercise {
  readonly manifest: Manifest;
  readonly dir: string;
  /** The statement, README.md (French) and README.en.md (English). */
  readonly statement: Localized;
  readonly checks: readonly CheckDefinition[];
  readonly mistakes: readonly MistakeDefinition[];
  readonly reference: Readonly<Record<string, unknown>>;
  /**
   * Names the code the checks and the reference were built into: a hash of their modules' URLs,
   * whose folders are named by a hash of the bundles' files. What a check computes from that code
   * and its seed alone (its cases) may be kept across processes under it. @default none: nothing kept
   */
  readonly build?: string;
}
