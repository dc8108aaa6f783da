import { Type, type Static } from '@sinclair/typebox';
import type { Step, StepFault } from './steps.js';
import type { EncodeFault } from './wire.js';

/** Grader to child, one JSON message per line on the child's stdin. */
export type ToChild =
  | {
      readonly type: 'init';
      readonly code: string;
      readonly exports: readonly string[];
      readonly maxItems: number;
      /** The output limit: past it the runner stops encoding and sends what it has at once. */
      readonly maxBytes: number;
      /**
       * Marks the runner's clock messages. The child keeps the one of its first `init`, sent
       * before any student code ran, so graded code cannot forge a clock message.
       */
      readonly token: string;
      /** Packages the grader provides (tfjs), imported on the grader's clock before the student's module. */
      readonly preload: readonly string[];
    }
  | { readonly type: 'run'; readonly id: number; readonly cases: readonly (readonly Step[])[] }
  /**
   * Packages the grader provides, imported by a child booted ahead as soon as it starts, before
   * any module arrives: the `init` that follows finds them loaded. Sent only to a fresh child.
   */
  | { readonly type: 'preload'; readonly preload: readonly string[] };

/**
 * Longest strings the grader accepts from a child. The runner cuts thrown messages and stacks to
 * these sizes itself, so a longer one comes from code that writes to the protocol pipe.
 */
export const TEXT_LIMITS = { name: 200, message: 4000, stack: 8000 } as const;

const Name = Type.String({ maxLength: TEXT_LIMITS.name });
const ThrownSchema = Type.Object(
  { name: Name, message: Type.String({ maxLength: TEXT_LIMITS.message }), stack: Type.Optional(Type.String({ maxLength: TEXT_LIMITS.stack })) },
  { additionalProperties: false },
);

const FaultSchema = Type.Union([
  Type.Object({ kind: Type.Literal('missing-export'), name: Name }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('not-callable'), name: Name, expected: Type.Union([Type.Literal('function'), Type.Literal('class'), Type.Literal('method')]) },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('threw'), where: Type.String({ maxLength: 2 * TEXT_LIMITS.name + 1 }), error: ThrownSchema }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('unencodable'), message: Type.String({ maxLength: TEXT_LIMITS.message }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('too-large'), limitBytes: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
]);

/** One case's outcome as the child reports it: wire-encoded outputs (decoded by `decodeValue`), or the student's fault. */
const ScalarSchema = Type.Union([Type.Number(), Type.String({ maxLength: 40 }), Type.Boolean(), Type.Null()]);
/** The first argument the student's code changed (see sandbox/mutation.ts). */
const ChangedSchema = Type.Object(
  {
    step: Type.Integer({ minimum: 0 }),
    arg: Type.Integer({ minimum: 0 }),
    at: Type.Array(Type.Union([Type.Integer({ minimum: 0 }), Type.String({ maxLength: TEXT_LIMITS.name })]), { maxItems: 64 }),
    change: Type.Union([Type.Literal('value'), Type.Literal('length'), Type.Literal('type')]),
    before: ScalarSchema,
    after: ScalarSchema,
  },
  { additionalProperties: false },
);

export const CaseReplySchema = Type.Union([
  Type.Object({ ok: Type.Literal(true), outputs: Type.Array(Type.Unknown(), { maxItems: 1000 }), changed: Type.Optional(ChangedSchema) }, { additionalProperties: false }),
  Type.Object({ ok: Type.Literal(false), fault: FaultSchema }, { additionalProperties: false }),
]);
export type CaseReply = Static<typeof CaseReplySchema>;

const ExportKind = Type.Union(
  ['undefined', 'object', 'boolean', 'number', 'bigint', 'string', 'symbol', 'function', 'unreadable'].map((k) => Type.Literal(k)),
);

/**
 * Child to grader, one JSON message per line on fd 3 (stdout and stderr are the student's).
 * `clock` says whose time the child spends from now on (see RequestClock): `student` right before
 * the student's module is imported, `grader` right after it, and after a run's last answer is
 * encoded.
 */
export const FromChildSchema = Type.Union([
  Type.Object(
    { type: Type.Literal('clock'), phase: Type.Union([Type.Literal('student'), Type.Literal('grader')]), token: Type.String({ maxLength: 64 }) },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('ready'), exports: Type.Record(Type.String({ maxLength: TEXT_LIMITS.name }), ExportKind) }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal('load-error'),
      name: Name,
      message: Type.String({ maxLength: TEXT_LIMITS.message }),
      stack: Type.Optional(Type.String({ maxLength: TEXT_LIMITS.stack })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('dirty'), reasons: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('patched'), changes: Type.Array(Type.String({ maxLength: 200 }), { minItems: 1, maxItems: 20 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('result'), id: Type.Integer({ minimum: 1 }), cases: Type.Array(CaseReplySchema, { maxItems: 100_000 }) },
    { additionalProperties: false },
  ),
]);
export type FromChild = Static<typeof FromChildSchema>;

// The schema and the runner's own types must agree: a fault the runner can produce must validate.
type Fault = Extract<CaseReply, { ok: false }>['fault'];
const _faultsAgree = (f: StepFault | EncodeFault): Fault => f;
void _faultsAgree;
