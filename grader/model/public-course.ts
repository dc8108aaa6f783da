import { Type, type Static } from '@sinclair/typebox';
import { LocalizedSchema } from './localized.js';
import { LimitsSchema, ToleranceSchema } from './manifest.js';

/**
 * `public-course.json`, the course as the student's grader package carries it: the public checks
 * as data (their fixed cases, the reference's outputs and each known mistake's outputs on those
 * cases), never reference code, never a hidden check. Values are in wire form (see sandbox/wire).
 */
const closed = { additionalProperties: false } as const;

export const PublicCaseSchema = Type.Object(
  {
    id: Type.String(),
    title: Type.Optional(LocalizedSchema),
    steps: Type.Array(Type.Unknown(), { description: 'The case, wire-encoded steps (sandbox/steps).' }),
    expected: Type.Array(Type.Unknown(), { description: "The reference's outputs, wire-encoded." }),
    input: Type.Optional(Type.Unknown({ description: 'The named inputs a failed case shows (JSON-safe).' })),
    mistakes: Type.Record(Type.String(), Type.Array(Type.Unknown()), {
      description:
        "The outputs on this case of each variant the diagnosis tries (a mistake whole or in another form, in part, two at once), by variant key (diagnose/variants), wire-encoded; absent when the variant throws.",
    }),
  },
  closed,
);
export type PublicCase = Static<typeof PublicCaseSchema>;

export const PublicCheckSchema = Type.Object(
  {
    id: Type.String(),
    title: LocalizedSchema,
    points: Type.Number({ minimum: 0 }),
    tolerance: ToleranceSchema,
    cases: Type.Array(PublicCaseSchema, { minItems: 1 }),
  },
  closed,
);
export type PublicCheck = Static<typeof PublicCheckSchema>;

export const PublicMistakeSchema = Type.Object(
  {
    id: Type.String(),
    title: LocalizedSchema,
    explanation: LocalizedSchema,
    hint: LocalizedSchema,
    /** Names only, no code: what the diagnosis needs to list the same variants as the full grader. */
    replaces: Type.Array(Type.String(), { description: 'The exports its overrides replace.' }),
    forms: Type.Array(Type.Array(Type.String()), { description: 'The exports each of its other forms replaces.' }),
    wraps: Type.Boolean({ description: 'Whether it can be combined with a mistake replacing the same export.' }),
  },
  closed,
);

export const PublicExerciseSchema = Type.Object(
  {
    id: Type.String(),
    order: Type.Optional(Type.Integer()),
    title: LocalizedSchema,
    summary: LocalizedSchema,
    file: Type.String(),
    exports: Type.Array(Type.String()),
    tolerance: ToleranceSchema,
    limits: Type.Optional(LimitsSchema),
    checks: Type.Array(PublicCheckSchema),
    /** Public checks that need the reference to run (models trained, random or property cases): graded on the teacher's side only. */
    teacherOnly: Type.Array(Type.Object({ id: Type.String(), title: LocalizedSchema }, closed)),
    mistakes: Type.Array(PublicMistakeSchema),
  },
  closed,
);
export type PublicExercise = Static<typeof PublicExerciseSchema>;

export const PublicCourseSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    format: Type.Literal('neurograde-public-course/1'),
    grader: Type.String({ description: 'Version of the grader that wrote it.' }),
    seed: Type.Integer(),
    exercises: Type.Array(PublicExerciseSchema),
  },
  closed,
);
export type PublicCourse = Static<typeof PublicCourseSchema>;
