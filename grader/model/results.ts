import { Type, type Static } from '@sinclair/typebox';

/**
 * The one result model. results.json, the HTML report, CSV, JUnit, Gradescope and Markdown are
 * all rendered from it. TypeScript types and the JSON Schema come from these definitions.
 */

const Visibility = Type.Union([Type.Literal('public'), Type.Literal('hidden')]);

/** Where and how a numeric answer differs from the reference. */
export const MismatchSchema = Type.Union([
  Type.Object({
    kind: Type.Literal('type'),
    expected: Type.String(),
    got: Type.String(),
    path: Type.Optional(Type.String()),
  }),
  Type.Object({
    kind: Type.Literal('shape'),
    expected: Type.Array(Type.Integer()),
    got: Type.Array(Type.Integer()),
    path: Type.Optional(Type.String()),
  }),
  Type.Object({
    kind: Type.Literal('values'),
    index: Type.Array(Type.Integer()),
    expected: Type.Union([Type.Number(), Type.String()]),
    got: Type.Union([Type.Number(), Type.String()]),
    maxAbsError: Type.Union([Type.Number(), Type.String()]),
    maxRelError: Type.Union([Type.Number(), Type.String()]),
    mismatched: Type.Integer({ minimum: 1 }),
    total: Type.Integer({ minimum: 1 }),
    path: Type.Optional(Type.String()),
  }),
]);
export type Mismatch = Static<typeof MismatchSchema>;

/** A named mistake from the exercise's catalogue, in the report's language. */
export const DiagnosisSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  explanation: Type.String(),
  hint: Type.String(),
});
export type Diagnosis = Static<typeof DiagnosisSchema>;

/**
 * What a public failed check shows: the input, the expected and the obtained output
 * (JSON-safe: NaN and Infinity as strings). Hidden checks never carry evidence.
 */
export const EvidenceSchema = Type.Object({
  caseId: Type.String(),
  input: Type.Optional(Type.Unknown()),
  expected: Type.Optional(Type.Unknown()),
  got: Type.Optional(Type.Unknown()),
  shrunk: Type.Optional(Type.Boolean({ description: 'A property counterexample, shrunk by fast-check.' })),
});
export type Evidence = Static<typeof EvidenceSchema>;

const checkBase = {
  id: Type.String(),
  title: Type.String(),
  score: Type.Number({ minimum: 0 }),
  maxScore: Type.Number({ minimum: 0 }),
  visibility: Visibility,
  durationMs: Type.Number({ minimum: 0 }),
};

export const CheckResultSchema = Type.Union([
  Type.Object({ ...checkBase, status: Type.Literal('passed'), message: Type.Optional(Type.String()) }),
  Type.Object({
    ...checkBase,
    status: Type.Literal('failed'),
    message: Type.String(),
    diagnosis: Type.Optional(Type.String({ description: 'Stable id of the diagnosed mistake.' })),
    mistake: Type.Optional(DiagnosisSchema),
    mismatch: Type.Optional(MismatchSchema),
    evidence: Type.Optional(EvidenceSchema),
  }),
  Type.Object({
    ...checkBase,
    status: Type.Literal('error'),
    message: Type.String(),
    stack: Type.Optional(Type.String()),
  }),
  Type.Object({
    ...checkBase,
    status: Type.Literal('timeout'),
    message: Type.String(),
    limitMs: Type.Number(),
  }),
]);
/** One check's outcome: `passed | failed | error | timeout`. */
export type CheckResult = Static<typeof CheckResultSchema>;
export type CheckStatus = CheckResult['status'];

export const ExerciseResultSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  file: Type.String(),
  score: Type.Number({ minimum: 0 }),
  maxScore: Type.Number({ minimum: 0 }),
  status: Type.Union([
    Type.Literal('graded'),
    Type.Literal('missing'),
    Type.Literal('compile-error'),
    Type.Literal('load-error'),
  ]),
  message: Type.Optional(Type.String()),
  logs: Type.Optional(Type.String({ description: 'What the student code printed (capped).' })),
  durationMs: Type.Number({ minimum: 0 }),
  checks: Type.Array(CheckResultSchema),
});
export type ExerciseResult = Static<typeof ExerciseResultSchema>;

export const SubmissionResultSchema = Type.Object({
  schemaVersion: Type.Literal(1),
  grader: Type.Object({ name: Type.Literal('neurograde'), version: Type.String() }),
  submission: Type.String(),
  lang: Type.Union([Type.Literal('en'), Type.Literal('fr')]),
  mode: Type.Union([Type.Literal('grade'), Type.Literal('check')]),
  score: Type.Number({ minimum: 0 }),
  maxScore: Type.Number({ minimum: 0 }),
  gradedAt: Type.String(),
  durationMs: Type.Number({ minimum: 0 }),
  environment: Type.Object({
    node: Type.String(),
    sandbox: Type.String({ description: 'The isolation layers that held, e.g. bwrap+permission+prlimit.' }),
    warnings: Type.Array(Type.String()),
    tfBackend: Type.Optional(Type.String()),
  }),
  exercises: Type.Array(ExerciseResultSchema),
});
/** results.json of one submission. */
export type SubmissionResult = Static<typeof SubmissionResultSchema>;
