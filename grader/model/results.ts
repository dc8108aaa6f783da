import { Type, type Static } from '@sinclair/typebox';
import { closed } from './closed.js';
import { AdjustmentsSchema } from './adjustments.js';

/**
 * The one result model. results.json, the HTML report, CSV, JUnit, Gradescope and Markdown are
 * all rendered from it. TypeScript types and the JSON Schema come from these definitions.
 */

export const VisibilitySchema = Type.Union([Type.Literal('public'), Type.Literal('hidden')]);
/** Whether the student sees a check's inputs and values ('public') or only its status and score ('hidden'). */
export type Visibility = Static<typeof VisibilitySchema>;

/** A value that is not a numeric answer, as data: grader/i18n words it ("undefined", "the string \"a\""...). */
export const LeafSchema = Type.Union([
  Type.Object({
    type: Type.Union([
      Type.Literal('undefined'),
      Type.Literal('null'),
      Type.Literal('function'),
      Type.Literal('model'),
      Type.Literal('tensor'),
      Type.Literal('typed'),
      Type.Literal('array'),
      Type.Literal('object'),
    ]),
  }),
  Type.Object({ type: Type.Literal('string'), value: Type.String({ description: 'The start of the string (20 characters at most).' }) }),
  Type.Object({ type: Type.Literal('boolean'), value: Type.Boolean() }),
]);
export type Leaf = Static<typeof LeafSchema>;

/** What a value is, as data, for a wrong kind of answer: the reference's and the student's. */
export const ValueKindSchema = Type.Union([
  Type.Object({ kind: Type.Literal('number') }),
  Type.Object({ kind: Type.Literal('numbers'), shape: Type.Array(Type.Integer(), { description: 'An array of numbers of this shape.' }) }),
  Type.Object({ kind: Type.Literal('record'), keys: Type.Array(Type.String(), { description: 'An object with these fields.' }) }),
  Type.Object({ kind: Type.Literal('field'), key: Type.String({ description: 'A field of this name.' }) }),
  Type.Object({ kind: Type.Literal('no-field') }, { description: 'Nothing by that name.' }),
  Type.Object({ kind: Type.Literal('leaf'), leaf: LeafSchema }),
  Type.Object({
    kind: Type.Literal('entry'),
    index: Type.Array(Type.Integer()),
    entry: Type.Union([LeafSchema, Type.Object({ type: Type.Union([Type.Literal('number-among-arrays'), Type.Literal('array-among-numbers')]) })]),
  }, { description: 'An array whose entry at `index` is not like the others.' }),
  Type.Object({ kind: Type.Literal('ragged'), index: Type.Array(Type.Integer()), items: Type.Integer(), first: Type.Integer() }),
]);
export type ValueKind = Static<typeof ValueKindSchema>;

/** Where and how a numeric answer differs from the reference. */
export const MismatchSchema = Type.Union([
  Type.Object({
    kind: Type.Literal('type'),
    expected: ValueKindSchema,
    got: ValueKindSchema,
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
 * How the student's answer relates to the expected one, found by the grader whatever the
 * exercise: an observation ("your output equals the expected output without its last row"), never
 * a guess at the cause. Prose lives in grader/i18n; this is the id and its numbers.
 */
export const RelationSchema = Type.Object({
  id: Type.String({ description: 'Stable relation id, e.g. "cropped", "scaled", "transposed".' }),
  params: Type.Record(Type.String(), Type.Number(), { description: 'The relation\'s numbers, e.g. { bottom: 1, right: 1 } or { factor: 0.996, numerator: 255, denominator: 256 }.' }),
  path: Type.Optional(Type.String({ description: 'The field of an object answer it holds for, e.g. "Y".' })),
  moved: Type.Optional(
    Type.Record(Type.String(), Type.String(), {
      description: 'For "permuted" on an object of numbers: each of your fields whose value is another expected field\'s, e.g. { "W": "H", "H": "W" }. For "substituted": the parameter `path` and the parameter it was replaced by, e.g. { "S": "F" }.',
    }),
  ),
  call: Type.Optional(
    Type.String({ description: 'For "input-mutated": the function or method whose argument (`path`, else position `params.argument`) changed; for "substituted", the function whose every answer the replacement gives.' }),
  ),
  scope: Type.Union([Type.Literal('every'), Type.Literal('shown'), Type.Literal('some')], {
    description: '"every": every failing case shows it (params are the first one\'s); "shown": the case shown does; "some": the case shown does not, but `showing` of the failing cases (at least 2 and half of them) do.',
  }),
  showing: Type.Optional(Type.Integer({ minimum: 2, description: 'With scope "some": how many failing cases show it.' })),
  sameParams: Type.Boolean({ description: 'Whether every failing case has the same params.' }),
  failing: Type.Integer({ minimum: 1, description: 'How many cases of the check fail.' }),
});
export type Relation = Static<typeof RelationSchema>;

const PatternValue = Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null()], { description: 'null: not given.' });

/** Which cases of a check fail, compared by their parameters: "every case with stride 2 fails". */
export const CasePatternSchema = Type.Object({
  by: Type.Union([Type.Literal('function'), Type.Literal('parameter'), Type.Literal('equal')], {
    description: '"function": by the function called; "parameter": by a parameter\'s values; "equal": by whether parameter `name` equals parameter `with` (values true/false).',
  }),
  /** The function (or method) called, or the parameter's path in the case's input, e.g. "options.stride". */
  name: Type.String(),
  with: Type.Optional(Type.String({ description: 'With by "equal": the other parameter.' })),
  failing: Type.Array(PatternValue),
  passing: Type.Array(PatternValue),
});
export type CasePattern = Static<typeof CasePatternSchema>;

/**
 * What a public failed check shows: the input, the expected and the obtained output
 * (JSON-safe: NaN and Infinity as strings). Hidden checks never carry evidence.
 */
export const EvidenceSchema = Type.Object({
  caseId: Type.String(),
  caseTitle: Type.Optional(Type.String({ description: "The case's title in the report's language, when it has one (the id is the English name)." })),
  input: Type.Optional(Type.Unknown()),
  expected: Type.Optional(Type.Unknown()),
  got: Type.Optional(Type.Unknown()),
  shrunk: Type.Optional(Type.Boolean({ description: 'A property counterexample, shrunk by fast-check.' })),
});
export type Evidence = Static<typeof EvidenceSchema>;

/** Where in the student's files a check that did not pass points, for annotations and JUnit frames. */
export const LocationSchema = Type.Object(
  {
    file: Type.String(),
    line: Type.Integer({ minimum: 1 }),
    column: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

const checkBase = {
  id: Type.String(),
  title: Type.String(),
  score: Type.Number({ minimum: 0 }),
  maxScore: Type.Number({ minimum: 0 }),
  visibility: VisibilitySchema,
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
    alsoMistakes: Type.Optional(Type.Array(DiagnosisSchema, { description: 'Further mistakes named with the first: two made at once.' })),
    relation: Type.Optional(RelationSchema),
    cases: Type.Optional(CasePatternSchema),
    mismatch: Type.Optional(MismatchSchema),
    evidence: Type.Optional(EvidenceSchema),
    location: Type.Optional(LocationSchema),
  }),
  Type.Object({
    ...checkBase,
    status: Type.Literal('error'),
    message: Type.String(),
    stack: Type.Optional(Type.String()),
    code: Type.Optional(
      Type.Union([Type.Literal('grader-time'), Type.Literal('tf-backend'), Type.Literal('grader-fault')], {
        description:
          "Set when the error is the grader's, not the student's code: 'grader-time' when the grader's own time budget (limits.graderMs) ran out, 'tf-backend' when the grader's TensorFlow.js backend failed (it is replaced before the next submission), 'grader-fault' when the grader's own code threw on the answer. Grading again may succeed; such a grade is never cached.",
      }),
    ),
    location: Type.Optional(LocationSchema),
  }),
  Type.Object({
    ...checkBase,
    status: Type.Literal('timeout'),
    message: Type.String(),
    limitMs: Type.Number(),
    location: Type.Optional(LocationSchema),
  }),
  Type.Object(
    {
      ...checkBase,
      status: Type.Literal('skipped'),
      message: Type.String(),
      after: Type.Object(
        { strikes: Type.Integer({ minimum: 1 }), limit: Type.Union([Type.Literal('timeout'), Type.Literal('memory')]) },
        { description: 'How many earlier checks of the exercise ran out of time or memory (limits.strikes), and which limit the last one hit.' },
      ),
    },
    { description: 'Not run: earlier checks of the exercise used up its strikes.' },
  ),
]);
/** One check's outcome: `passed | failed | error | timeout | skipped`. */
export type CheckResult = Static<typeof CheckResultSchema>;
export type CheckStatus = CheckResult['status'];

/** One compile error of a student's file, as data: where, the compiler's own words, and the line at fault. */
export const CompileErrorSchema = Type.Object({
  file: Type.String(),
  line: Type.Integer({ minimum: 1 }),
  column: Type.Integer({ minimum: 1 }),
  text: Type.String({ description: "The compiler's message, untranslated (esbuild's words)." }),
  lineText: Type.Optional(Type.String({ description: 'The source line at fault (its first 200 characters).' })),
});
export type CompileErrorData = Static<typeof CompileErrorSchema>;

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
  compileErrors: Type.Optional(Type.Array(CompileErrorSchema, { maxItems: 20, description: 'For a file that does not compile: each error with its place and source line.' })),
  logs: Type.Optional(Type.String({ description: 'What the student code printed (capped).' })),
  durationMs: Type.Number({ minimum: 0 }),
  checks: Type.Array(CheckResultSchema),
});
export type ExerciseResult = Static<typeof ExerciseResultSchema>;

/**
 * Why a submission cannot be graded as handed in, as a code and its parameters (the words are in
 * grader/i18n): an empty folder, one that cannot be read, none of the expected files, or the
 * expected files only in several sub-folders (paths relative to the submission).
 */
export const SubmissionProblemSchema = Type.Union([
  Type.Object({ code: Type.Literal('empty') }),
  Type.Object({ code: Type.Literal('unreadable'), detail: Type.String() }),
  Type.Object({ code: Type.Literal('no-expected-file'), expected: Type.Array(Type.String()), found: Type.Array(Type.String()) }),
  Type.Object({ code: Type.Literal('nested'), found: Type.Array(Type.String()) }),
]);
export type SubmissionProblem = Static<typeof SubmissionProblemSchema>;

/** How the submission's files were laid out, and what of them the grader did not use. */
export const LayoutSchema = Type.Object({
  folder: Type.Optional(Type.String({ description: 'The sub-folder graded from, when every expected file sat in that one folder rather than at the top.' })),
  skipped: Type.Array(Type.String(), { description: 'Files at the top of the graded folder that no exercise uses (capped).' }),
  skippedMore: Type.Optional(Type.Integer({ minimum: 1, description: 'Skipped files left out of `skipped` by the cap.' })),
});
export type Layout = Static<typeof LayoutSchema>;

export const SubmissionResultSchema = closed(Type.Object({
  schemaVersion: Type.Literal(1),
  grader: Type.Object({ name: Type.Literal('neurograde'), version: Type.String() }),
  submission: Type.String(),
  lang: Type.Union([Type.Literal('en'), Type.Literal('fr')]),
  mode: Type.Union([Type.Literal('grade'), Type.Literal('check')]),
  score: Type.Number({ minimum: 0 }),
  maxScore: Type.Number({ minimum: 0 }),
  gradedAt: Type.String({ format: 'date-time' }),
  durationMs: Type.Number({ minimum: 0 }),
  environment: Type.Object({
    node: Type.String(),
    sandbox: Type.String({ description: 'The isolation layers that held, e.g. bwrap+permission+prlimit.' }),
    warnings: Type.Array(Type.String()),
    tfBackend: Type.Optional(Type.String()),
  }),
  /** The seeds graded with, so a teacher can reproduce the grade (`--seed`, `--vary-hidden --submission-id`). Present only when hidden cases vary per submission. */
  seeding: Type.Optional(Type.Object({
    seed: Type.Integer({ minimum: 0, description: 'The base seed: public checks (and hidden ones without varyHidden) draw from it; an exercise.json seed wins over it.' }),
    varyHidden: Type.Optional(Type.String({ description: 'The submission identity mixed into the hidden checks\' seed.' })),
    hiddenSeed: Type.Optional(Type.Integer({ minimum: 0, description: 'The seed hidden checks drew from (for exercises without their own seed).' })),
  })),
  exercises: Type.Array(ExerciseResultSchema),
  /** `ungradable`: the submission could not be graded as handed in (see `problem`); its zeros are not grades. Absent: graded. */
  status: Type.Optional(Type.Union([Type.Literal('graded'), Type.Literal('ungradable')])),
  problem: Type.Optional(SubmissionProblemSchema),
  layout: Type.Optional(LayoutSchema),
  /** The teacher's late policy and overrides, when any applies: scores above are after them, the grader's own are kept here. */
  adjustments: Type.Optional(AdjustmentsSchema),
}));
/** results.json of one submission. */
export type SubmissionResult = Static<typeof SubmissionResultSchema>;
