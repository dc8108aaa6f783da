import { Type, type Static } from '@sinclair/typebox';

/**
 * A teacher's changes to what the grader computed: the late policy and manual overrides. They are
 * recorded next to the grader's own scores (`raw`), never instead of them, so every regrade starts
 * again from the grader's scores and applies the teacher's current files.
 */

/** Where a submission's time came from: the `--dates` file, the git commit, the zip's newest entry, or nowhere. */
export const TimeSourceSchema = Type.Union([Type.Literal('dates'), Type.Literal('git'), Type.Literal('zip'), Type.Literal('none')]);
export type TimeSource = Static<typeof TimeSourceSchema>;

/** The late policy applied to one submission (`--deadline`, `--late-penalty`, `--late-cutoff`). */
export const LateSchema = Type.Object({
  deadline: Type.String({ format: 'date-time' }),
  submittedAt: Type.Optional(Type.String({ format: 'date-time', description: 'Absent when no source gave a time (source "none"): no penalty then.' })),
  source: TimeSourceSchema,
  daysLate: Type.Integer({ minimum: 0, description: 'Started days after the deadline: 1 second late is 1 day. 0: on time.' }),
  penaltyPercent: Type.Number({ minimum: 0, maximum: 100, description: 'Taken off every exercise score.' }),
  cutoff: Type.Optional(Type.String({ format: 'date-time', description: 'After this, the score is 0.' })),
  afterCutoff: Type.Optional(Type.Boolean()),
});
export type Late = Static<typeof LateSchema>;

/** One override applied: the points the teacher set, the grader's own score, and the comment shown to the student. */
export const AppliedOverrideSchema = Type.Object({
  exercise: Type.String(),
  check: Type.Optional(Type.String({ description: 'Absent: the whole exercise.' })),
  points: Type.Number({ minimum: 0 }),
  raw: Type.Number({ minimum: 0, description: "The grader's score of that exercise or check." }),
  comment: Type.String(),
});
export type AppliedOverride = Static<typeof AppliedOverrideSchema>;

export const AdjustmentsSchema = Type.Object({
  rawScore: Type.Number({ minimum: 0, description: "The grader's total before the teacher's adjustments." }),
  rawExercises: Type.Record(Type.String(), Type.Number({ minimum: 0 }), { description: "The grader's score of every exercise whose score changed." }),
  overrides: Type.Array(AppliedOverrideSchema),
  late: Type.Optional(LateSchema),
});
export type Adjustments = Static<typeof AdjustmentsSchema>;

/**
 * A problem with the teacher's inputs (`--dates`, `--overrides`, `--deadline`...), as a code and
 * its parameters (grader/i18n words it): the file or option and the line it is on.
 */
export const TeacherProblemSchema = Type.Union([
  Type.Object({ code: Type.Literal('unreadable'), file: Type.String(), detail: Type.String() }),
  Type.Object({ code: Type.Literal('bad-json'), file: Type.String(), detail: Type.String() }),
  Type.Object({ code: Type.Literal('bad-shape'), file: Type.String(), detail: Type.String() }),
  Type.Object({ code: Type.Literal('missing-column'), file: Type.String(), column: Type.String(), found: Type.Array(Type.String()) }),
  Type.Object({ code: Type.Literal('bad-date'), file: Type.String(), line: Type.Integer(), value: Type.String() }),
  Type.Object({ code: Type.Literal('bad-points'), file: Type.String(), line: Type.Integer(), value: Type.String() }),
  Type.Object({ code: Type.Literal('empty-cell'), file: Type.String(), line: Type.Integer(), column: Type.String() }),
  Type.Object({ code: Type.Literal('duplicate'), file: Type.String(), line: Type.Integer(), other: Type.Integer() }),
  Type.Object({ code: Type.Literal('unknown-student'), file: Type.String(), line: Type.Integer(), student: Type.String() }),
  Type.Object({ code: Type.Literal('not-submitted'), file: Type.String(), line: Type.Integer(), student: Type.String() }),
  Type.Object({ code: Type.Literal('unknown-exercise'), file: Type.String(), line: Type.Integer(), exercise: Type.String(), known: Type.Array(Type.String()) }),
  Type.Object({ code: Type.Literal('unknown-check'), file: Type.String(), line: Type.Integer(), exercise: Type.String(), check: Type.String() }),
  Type.Object({ code: Type.Literal('above-max'), file: Type.String(), line: Type.Integer(), points: Type.Number(), max: Type.Number() }),
  Type.Object({ code: Type.Literal('bad-option'), option: Type.String(), value: Type.String() }),
  Type.Object({ code: Type.Literal('cutoff-before-deadline'), cutoff: Type.String(), deadline: Type.String() }),
  Type.Object({ code: Type.Literal('no-deadline'), option: Type.String() }),
]);
export type TeacherProblem = Static<typeof TeacherProblemSchema>;

/** What a class's results.json records of the teacher's controls. */
export const TeacherRecordSchema = Type.Object({
  deadline: Type.Optional(Type.String({ format: 'date-time' })),
  latePenaltyPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Per started day late.' })),
  lateCutoff: Type.Optional(Type.String({ format: 'date-time' })),
  dates: Type.Optional(Type.String({ description: 'The --dates file.' })),
  overrides: Type.Optional(Type.String({ description: 'The --overrides file.' })),
  /** Lines of the teacher's files that were not applied, and why. */
  problems: Type.Array(TeacherProblemSchema),
});
export type TeacherRecord = Static<typeof TeacherRecordSchema>;

/**
 * One override as the teacher wrote it (`--overrides`, JSON or CSV): the student, the exercise
 * and optionally one check of it, the points to give instead of the grader's, and a comment.
 */
export const OverrideEntrySchema = Type.Object({
  student: Type.String({ minLength: 1 }),
  exercise: Type.String({ minLength: 1 }),
  check: Type.Optional(Type.String({ minLength: 1 })),
  points: Type.Number({ minimum: 0 }),
  comment: Type.Optional(Type.String()),
});
export type OverrideEntry = Static<typeof OverrideEntrySchema>;

/** The JSON form of an overrides file: an array of overrides. */
export const OverridesFileSchema = Type.Array(OverrideEntrySchema);
