import { Type, type Static } from '@sinclair/typebox';
import { LocalizedSchema } from './localized.js';

export const ToleranceSchema = Type.Object(
  {
    atol: Type.Number({ minimum: 0, description: 'Absolute tolerance of numpy allclose.' }),
    rtol: Type.Number({ minimum: 0, description: 'Relative tolerance, scaled by |want|.' }),
  },
  { additionalProperties: false },
);
export type Tolerance = Static<typeof ToleranceSchema>;

export const LimitsSchema = Type.Object(
  {
    timeMs: Type.Optional(
      Type.Integer({ minimum: 100, description: "Wall-clock limit of the student's code in one check (or in importing the module), ms. @default 5000" }),
    ),
    graderMs: Type.Optional(
      Type.Integer({
        minimum: 100,
        description:
          "Wall-clock budget of the grader's own work in one check, apart from the student's time limit: starting the child, loading the provided packages, passing the answer back, ms. @default 30000",
      }),
    ),
    memoryMb: Type.Optional(Type.Integer({ minimum: 64, description: 'Address-space limit of the child, MiB. @default 4096' })),
    outputKb: Type.Optional(Type.Integer({ minimum: 1, description: 'Largest answer the child may send, KiB. @default 16384' })),
    processes: Type.Optional(Type.Integer({ minimum: 1, description: 'Processes (threads) the child may run. @default 64' })),
    strikes: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'Checks of one exercise that may run out of time or memory before the rest of the exercise is skipped. @default 2',
      }),
    ),
  },
  { additionalProperties: false },
);
export type Limits = Static<typeof LimitsSchema>;

export const CheckEntrySchema = Type.Object(
  {
    points: Type.Number({ minimum: 0 }),
    public: Type.Boolean({ description: 'Public checks run in `neurograde check` and show their inputs.' }),
  },
  { additionalProperties: false },
);

/** `exercises/<id>/exercise.json`: what a teacher writes to declare an exercise. */
export const ManifestSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    id: Type.String({ pattern: '^[a-z][a-z0-9-]*$' }),
    title: LocalizedSchema,
    summary: LocalizedSchema,
    file: Type.String({ pattern: '^[A-Za-z0-9_-]+\\.ts$', description: 'The submission file, e.g. convolution.ts.' }),
    exports: Type.Array(Type.String({ pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$' }), { minItems: 1, uniqueItems: true }),
    tolerance: ToleranceSchema,
    limits: Type.Optional(LimitsSchema),
    checks: Type.Record(Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }), CheckEntrySchema, { minProperties: 1 }),
    order: Type.Optional(Type.Integer({ description: 'Position in reports. @default 100' })),
    seed: Type.Optional(
      Type.Integer({
        minimum: 0,
        description:
          "Seed of this exercise's random cases, the teacher's own: it wins over --seed and NEUROGRADE_SEED. Keep it out of the students' copy: whoever knows the seed can compute the hidden cases. @default the grading seed",
      }),
    ),
  },
  { additionalProperties: false },
);
export type Manifest = Static<typeof ManifestSchema>;
