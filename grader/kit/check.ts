import type { Lang, Localized } from '../model/localized.js';
import type { Manifest, Tolerance } from '../model/manifest.js';
import type { Evidence, Mismatch } from '../model/results.js';
import type { Messages } from '../i18n/types.js';
import type { SandboxFailure } from '../sandbox/session.js';
import type { Step, StepFault } from '../sandbox/steps.js';
import type { EncodeFault } from '../sandbox/wire.js';
import type { ModelGuard } from '../tf/rebuild-guard.js';
import type { RebuiltModels } from '../tf/rebuilt-models.js';
import type { Memo } from './memo.js';
import type { ModelResults } from '../tf/model-results.js';
import type { ArgumentChange, InputMutation } from '../model/mutation.js';

export type { InputMutation } from '../model/mutation.js';

/** One case's outcome from the student's code, decoded to plain values. */
export type CaseOutcome =
  | { readonly ok: true; readonly outputs: readonly unknown[]; readonly changed?: ArgumentChange }
  | { readonly ok: false; readonly fault: StepFault | EncodeFault };

export type StudentRun =
  | { readonly ok: true; readonly cases: readonly CaseOutcome[] }
  | { readonly ok: false; readonly failure: SandboxFailure };

/** A case the student's code answered: what the diagnosis stage replays against the mistakes. */
export interface Observation {
  readonly steps: readonly Step[];
  readonly outputs: readonly unknown[];
  /** The reference's outputs for these steps, when the check computed them (else the diagnosis does). */
  readonly expected?: readonly unknown[];
  /** The case's id; with `cacheable`, it keys the cache of variant outputs. */
  readonly caseId?: string;
  /** Whether `caseId` names one fixed case of the check (same steps at every grading with this seed). */
  readonly cacheable?: boolean;
  /** The case's named inputs, to compare failing and passing cases by their parameters. */
  readonly input?: Readonly<Record<string, unknown>>;
  /** The first argument the student's code changed in this case, if it changed one. @default none */
  readonly mutated?: InputMutation;
  /**
   * The outputs of the diagnosis's variants on this case, by variant key (see diagnose/variants),
   * when they come as data: the student's package holds no code of the mistakes, only what they
   * answer on the public cases. A key absent is a variant that throws there. @default run the variants
   */
  readonly variants?: Readonly<Record<string, readonly unknown[]>>;
}

/** What a check hands back; the score stage adds id, points, timing and visibility. */
export type CheckVerdict =
  | { readonly status: 'passed'; readonly message?: string }
  | {
      readonly status: 'failed';
      readonly message: string;
      readonly mismatch?: Mismatch;
      readonly evidence?: Evidence;
      /** Set when the case shown failed only because the student's code changed an argument. */
      readonly mutated?: InputMutation;
      /** Set by checks that diagnose by themselves (e.g. model architecture). */
      readonly diagnosis?: string;
      /** Cases answered, for the catalogue of mistakes to replay. */
      readonly observations?: readonly Observation[];
    }
  | {
      readonly status: 'error';
      readonly message: string;
      readonly stack?: string;
      /** A fault of the grader's own machinery, not of the student's code: the grade is not kept in the batch cache. */
      readonly code?: 'tf-backend' | 'grader-fault';
    }
  | { readonly status: 'sandbox'; readonly failure: SandboxFailure };

/** Data sets a teacher provides to a grading. */
export interface Datasets {
  /** A folder with Fashion-MNIST's four IDX files (raw or .gz): the CNN learning checks train on it instead of MNIST digits. */
  readonly fashionMnist?: string;
}

/** What a check may use. Everything here stays in the grader; only `run`'s steps reach the child. */
export interface CheckContext {
  readonly exercise: Manifest;
  /** The trusted reference module of the exercise. */
  readonly reference: Readonly<Record<string, unknown>>;
  readonly tolerance: Tolerance;
  /** A seed derived from the grading seed and the check id. */
  readonly seed: number;
  readonly visibility: 'public' | 'hidden';
  readonly lang: Lang;
  readonly t: Messages;
  /**
   * Computes a value once per grading environment and check: cases and reference answers depend
   * only on the seed. Never mutate what it returns.
   */
  readonly memo: Memo;
  /**
   * Computes a value once per grading environment for all the checks of the exercise: what
   * several checks derive alike from the reference (its models' facts). Keys name everything the
   * value depends on, the seed included when it does. Never mutate what it returns. @default computed each time
   */
  readonly exerciseMemo?: Memo;
  /**
   * Answers kept for the child this check runs on, shared by the exercise's checks on that child:
   * the student's module is loaded once per child, so what one of its model builders answered is
   * what the next check would get by asking again (a builder answering otherwise each call is
   * nothing to grade on). A fresh child (after a time-out, another phase) starts empty; only
   * grader-side values derived from the child's answers are kept, nothing goes to the child.
   * @default none: every check asks the child
   */
  readonly childValues?: Map<string, unknown>;
  /** Data sets the teacher gave this grading. @default none */
  readonly datasets?: Datasets;
  /** Records the TensorFlow.js backend the check ran models on, for the result's `environment.tfBackend`. */
  readonly usedTfBackend?: (description: string) => void;
  /** Tries a student's model rebuild in a process of its own first (see `createModelGuard`). @default none: rebuilt in the grader untried */
  readonly modelGuard?: ModelGuard;
  /** The submission's models, each rebuilt once and copied for every check (see `createRebuiltModels`). @default none: each check rebuilds its own */
  readonly rebuiltModels?: RebuiltModels;
  /** Training results by what determines them (see trainingKey), shared by the submissions of a grading environment or batch. @default none: every training runs */
  readonly modelResults?: ModelResults;
  /** Runs cases in the student's sandboxed child, all in one round trip. */
  run(cases: readonly (readonly Step[])[]): Promise<StudentRun>;
}

/** One check of an exercise: `exercises/<id>/checks/<check>.ts` exports one. */
export interface CheckDefinition {
  readonly id: string;
  readonly title: Localized;
  run(ctx: CheckContext): Promise<CheckVerdict>;
}
