import type { Roster } from '../io/roster.js';
import { availableParallelism } from 'node:os';
import type { Lang } from '../model/localized.js';
import { resolveGradeOptions } from '../execute/options.js';
import type { Shard } from './shard.js';
import type { UnzipLimits } from './unzip.js';
import type { Isolation } from '../execute/options.js';
import type { TeacherInputs } from './teacher.js';

/** How a class is graded. */
export interface BatchOptions {
  /** The class folder: one sub-folder or `.zip` per submission. */
  readonly input: string;
  /** Where results go: `<out>/<submission>/...` and the class files. */
  readonly out: string;
  /** Submissions graded at once. @default the number of cores */
  readonly jobs?: number;
  /**
   * Exercises of one submission graded at once. The jobs already keep the cores busy, and one at a
   * time lets the exercises of a submission share one child instead of starting two. @default 1
   */
  readonly exerciseConcurrency?: number;
  /** How far children are shared within a submission (GradeOptions.isolation). @default 'submission' */
  readonly isolation?: Isolation;
  /** Only these exercises. @default all */
  readonly exercises?: readonly string[];
  /** Only this part of the class (CI matrix). @default the whole class */
  readonly shard?: Shard;
  /** @default 'en' */
  readonly lang?: Lang;
  /** Seed of the random cases. @default the grader's (see GradeOptions) */
  readonly seed?: number;
  /**
   * Hidden checks draw their cases from the seed mixed with each submission's name, so
   * resubmitting never shows the same hidden cases twice; public checks keep the seed. @default false
   */
  readonly varyHidden?: boolean;
  /** Grade every submission again, ignoring the cache. @default false */
  readonly force?: boolean;
  /**
   * Drop the grades of exercises the output folder holds but this batch does not grade. By
   * default a batch of some exercises keeps the others' grades (see planRegrade). @default false
   */
  readonly replace?: boolean;
  /**
   * 'process': each job in its own worker process (a hostile submission that kills its parent
   * costs its own grade only); 'inline': concurrent calls in this process (starts faster).
   * @default 'process'
   */
  readonly workers?: 'process' | 'inline';
  /** A course folder whose exercises/ and reference/ are added to the grader's own. @default none */
  readonly course?: string;
  /** Who each submission is in the LMS, for gradebook-moodle.csv and gradebook-canvas.csv. @default none: submission names are the logins */
  readonly roster?: Roster;
  /** Canvas assignment ids by exercise id, for gradebook-canvas.csv. @default none */
  readonly canvasAssignments?: Readonly<Record<string, string>>;
  /** The teacher's deadline, late policy, dates and overrides files (see TeacherInputs). @default none */
  readonly teacher?: TeacherInputs;
  /** 'fr': gradebook.csv with `;` and decimal commas, for French spreadsheets. @default 'en' */
  readonly csvLocale?: 'en' | 'fr';
  /** The course's exercises alone, without the grader's own. @default false */
  readonly courseOnly?: boolean;
  /** A submission whose grading takes longer has its worker killed and an error row (process pool). @default 10 minutes */
  readonly submissionTimeoutMs?: number;
  /** @default see UnzipLimits */
  readonly unzipLimits?: UnzipLimits;
  /** Progress output (stderr in the CLI). @default none */
  readonly progress?: { readonly write: (text: string) => void; readonly tty: boolean; readonly columns?: number };
}

export type ResolvedBatchOptions = Required<Omit<BatchOptions, 'exercises' | 'shard' | 'progress' | 'course' | 'courseOnly' | 'roster' | 'canvasAssignments' | 'teacher' | 'csvLocale'>> &
  Pick<BatchOptions, 'exercises' | 'shard' | 'progress' | 'course' | 'courseOnly' | 'roster' | 'canvasAssignments' | 'teacher' | 'csvLocale'>;

export function resolveBatchOptions(o: BatchOptions): ResolvedBatchOptions {
  return {
    ...o,
    jobs: Math.max(1, o.jobs ?? availableParallelism()),
    exerciseConcurrency: Math.max(1, o.exerciseConcurrency ?? 1),
    isolation: o.isolation ?? 'submission',
    lang: o.lang ?? 'en',
    seed: o.seed ?? resolveGradeOptions().seed,
    varyHidden: o.varyHidden ?? false,
    force: o.force ?? false,
    replace: o.replace ?? false,
    workers: o.workers ?? 'process',
    unzipLimits: o.unzipLimits ?? {},
    submissionTimeoutMs: o.submissionTimeoutMs ?? 600_000,
  };
}
