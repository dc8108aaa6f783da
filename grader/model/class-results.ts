import { closed } from '../model/closed.js';
import { Type, type Static } from '@sinclair/typebox';
import { SubmissionProblemSchema, type SubmissionProblem, type SubmissionResult } from './results.js';
import type { SimilarityReport } from './similarity.js';
import { LateSchema, TeacherRecordSchema } from './adjustments.js';

/**
 * One submission of a batch as the class reporters see it: graded (its full result), ungradable
 * as handed in (empty, unreadable, no expected file: its result, when grading ran, holds only
 * zeros that are no grade), or an error row when the grader could not grade it (a refused zip,
 * a grader fault on that one submission). Neither costs the batch or counts in class statistics.
 */
export type BatchEntry =
  | { readonly name: string; readonly status: 'graded'; readonly result: SubmissionResult }
  | { readonly name: string; readonly status: 'ungradable'; readonly problem: SubmissionProblem; readonly result?: SubmissionResult }
  | { readonly name: string; readonly status: 'error'; readonly message: string }
  /** In the roster (`--roster`), with no submission in the class folder: a row of zeros. */
  | { readonly name: string; readonly status: 'not-submitted' };

const ExerciseSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  maxScore: Type.Number({ minimum: 0 }),
});

const SubmissionRow = Type.Union([
  Type.Object({
    name: Type.String(),
    status: Type.Literal('graded'),
    score: Type.Number({ minimum: 0 }),
    maxScore: Type.Number({ minimum: 0 }),
    /** Exercise id to its score and status, for the gradebook. */
    exercises: Type.Record(
      Type.String(),
      Type.Object({
        score: Type.Number({ minimum: 0 }),
        maxScore: Type.Number({ minimum: 0 }),
        status: Type.String(),
      }),
    ),
    results: Type.String({ description: 'Path of its results.json, relative to the class folder.' }),
    /** The grader's total, when the teacher's late policy or overrides changed it. */
    rawScore: Type.Optional(Type.Number({ minimum: 0 })),
    late: Type.Optional(LateSchema),
    /** How many of the teacher's overrides apply to it. */
    overrides: Type.Optional(Type.Integer({ minimum: 1 })),
  }),
  Type.Object({
    name: Type.String(),
    status: Type.Literal('not-submitted', { description: 'In the roster, but no submission was found: 0 points.' }),
  }),
  Type.Object({
    name: Type.String(),
    status: Type.Literal('error'),
    message: Type.String(),
  }),
  Type.Object({
    name: Type.String(),
    status: Type.Literal('ungradable'),
    problem: SubmissionProblemSchema,
    results: Type.Optional(Type.String({ description: 'Path of its results.json, relative to the class folder, when grading ran.' })),
  }),
]);

const CheckSummary = Type.Object({
  exercise: Type.String(),
  id: Type.String(),
  title: Type.String(),
  visibility: Type.Union([Type.Literal('public'), Type.Literal('hidden')]),
  passed: Type.Integer({ minimum: 0 }),
  total: Type.Integer({ minimum: 0 }),
});

const MistakeSummary = Type.Object({
  id: Type.String(),
  exercise: Type.String(),
  title: Type.String(),
  /** Submissions in which at least one check named this mistake. */
  submissions: Type.Integer({ minimum: 1 }),
});

/** One part of a sharded batch: `index` of `count` (`--shard 2/5`). */
export const ShardSchema = Type.Object({
  index: Type.Integer({ minimum: 1 }),
  count: Type.Integer({ minimum: 1 }),
});

/**
 * Why a merged class is not the whole class, as a code and its parameters (the text is in
 * grader/i18n): a shard missing, given twice, of another split, graded another way, or an
 * output that was not a shard at all.
 */
export const ShardProblemSchema = Type.Union([
  Type.Object({ code: Type.Literal('missing'), shard: Type.String() }),
  Type.Object({ code: Type.Literal('duplicate'), shard: Type.String(), dirs: Type.Array(Type.String()) }),
  Type.Object({ code: Type.Literal('count'), dir: Type.String(), shard: Type.String(), expected: Type.Integer() }),
  Type.Object({ code: Type.Literal('mismatch'), dir: Type.String(), other: Type.String() }),
  Type.Object({ code: Type.Literal('unsharded'), dir: Type.String() }),
]);
export type ShardProblem = Static<typeof ShardProblemSchema>;

/**
 * The class's results.json: one row per submission, pass counts per check, the most frequent
 * mistakes. No timestamp, so that a rerun gives the same file. Each submission's own
 * results.json keeps its details.
 */
export const ClassResultSchema = closed(Type.Object({
  schemaVersion: Type.Literal(1),
  grader: Type.Object({ name: Type.Literal('neurograde'), version: Type.String() }),
  lang: Type.Union([Type.Literal('en'), Type.Literal('fr')]),
  exercises: Type.Array(ExerciseSummary),
  maxScore: Type.Number({ minimum: 0 }),
  summary: Type.Object({
    submissions: Type.Integer({ minimum: 0 }),
    graded: Type.Integer({ minimum: 0 }),
    errors: Type.Integer({ minimum: 0 }),
    /** Submissions that could not be graded as handed in (empty, unreadable, no expected file); not in the mean or median. */
    ungradable: Type.Optional(Type.Integer({ minimum: 0 })),
    /** Students of the roster with no submission (0 points); not in the mean or median. */
    notSubmitted: Type.Optional(Type.Integer({ minimum: 0 })),
    /** Graded submissions handed in after the deadline. */
    late: Type.Optional(Type.Integer({ minimum: 0 })),
    meanScore: Type.Union([Type.Number(), Type.Null()]),
    medianScore: Type.Union([Type.Number(), Type.Null()]),
  }),
  submissions: Type.Array(SubmissionRow),
  checks: Type.Array(CheckSummary),
  mistakes: Type.Array(MistakeSummary),
  /** Hash of everything besides the submissions that decides a grade (graderFingerprint): shards graded alike share it. */
  fingerprint: Type.Optional(Type.String()),
  /** The part of the class this output holds, when made with `--shard i/n`. */
  shard: Type.Optional(ShardSchema),
  /** Set on a merge of an incomplete or inconsistent set of shards (`merge --allow-partial`): what is wrong with it. */
  partial: Type.Optional(Type.Object({ problems: Type.Array(ShardProblemSchema, { minItems: 1 }) })),
  /** The teacher's controls this class was graded with (`--deadline`, `--overrides`...), and what of them could not apply. */
  teacher: Type.Optional(TeacherRecordSchema),
}));
/** `<out>/results.json` of a batch. */
export type ClassResult = Static<typeof ClassResultSchema>;

/** What a class reporter renders: every entry, and the class model computed once from them. */
export interface ClassReport {
  /** Sorted by name. */
  readonly entries: readonly BatchEntry[];
  readonly summary: ClassResult;
  /** The files each submission's folder holds besides results.json (report.html...), for links. */
  readonly submissionFiles: readonly string[];
  /** Set when `neurograde similarity` compared the class: index.html then has its section. */
  readonly similarity?: SimilarityReport;
}
