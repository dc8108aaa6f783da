import { availableParallelism } from 'node:os';
import type { Lang } from '../model/localized.js';
import type { Datasets } from '../kit/check.js';
import type { Limits } from '../model/manifest.js';

export const ISOLATIONS = ['submission', 'exercise'] as const;
export type Isolation = (typeof ISOLATIONS)[number];

/** How a submission is graded. */
export interface GradeOptions {
  /** Language of messages and reports. @default 'en' */
  readonly lang?: Lang;
  /** 'grade' runs every check; 'check' (the student's command) only the public ones. @default 'grade' */
  readonly mode?: 'grade' | 'check';
  /** Seed of the random cases; the same seed gives the same cases. @default 20261127 */
  readonly seed?: number;
  /**
   * The submission's stable identity (its folder's or batch entry's name): when set, hidden
   * checks draw their cases from a seed mixed from `seed` and it, so a resubmission cannot learn
   * them; public checks keep `seed`, the cases the student package ships. @default none (every submission gets the seed's cases)
   */
  readonly varyHidden?: string;
  /** Exercises of one submission graded at once. @default the number of cores */
  readonly concurrency?: number;
  /** Limits for exercises whose manifest sets none. @default see DEFAULT_LIMITS */
  readonly limits?: Limits;
  /**
   * 'submission': an exercise may take a child that earlier exercises of the same submission
   * left exactly as it was (see SubmissionChildren); 'exercise': every exercise gets a fresh
   * child, at about 0.1 s of CPU each. @default 'submission'
   */
  readonly isolation?: Isolation;
  /** Data sets for the checks that train models (Fashion-MNIST's folder). @default {} (MNIST digits from the `mnist` package) */
  readonly datasets?: Datasets;
}

export const DEFAULT_LIMITS: Required<Limits> = { timeMs: 5_000, graderMs: 30_000, memoryMb: 4_096, outputKb: 16_384, processes: 64, strikes: 2 };

/** GradeOptions with every default filled in. */
export type ResolvedGradeOptions = Required<Omit<GradeOptions, 'varyHidden'>> & Pick<GradeOptions, 'varyHidden'> & { limits: Required<Limits> };

/** Resolves the options once; everything downstream reads the Required form. */
export function resolveGradeOptions(options: GradeOptions = {}): ResolvedGradeOptions {
  return {
    lang: options.lang ?? 'en',
    mode: options.mode ?? 'grade',
    seed: options.seed ?? 20261127,
    concurrency: Math.max(1, options.concurrency ?? availableParallelism()),
    isolation: options.isolation ?? 'submission',
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    datasets: options.datasets ?? {},
    ...(options.varyHidden !== undefined ? { varyHidden: options.varyHidden } : {}),
  };
}
