import { evaluate } from '../kit/evaluate.js';
import type { CaseOutcome, CheckDefinition } from '../kit/check.js';
import type { Exercise } from '../load/exercise.js';
import type { Lang, Localized } from '../model/localized.js';
import type { Tolerance } from '../model/manifest.js';
import type { Step } from '../sandbox/steps.js';
import { encodeStep } from '../sandbox/case-encoder.js';
import { decodeValue, encodeValue, type EncodeLimits } from '../sandbox/wire.js';
import { dryRunCheck, type Cases } from './capture.js';

/** One public fixed case as the pack ships it: wire-encoded steps and expected outputs. */
export interface PackedCase {
  readonly id: string;
  /** The case's title in both languages, when it has one (the id is the English name). */
  readonly title?: Localized;
  readonly steps: readonly Step[];
  readonly expected: readonly unknown[];
  /** The named inputs the check shows when this case fails (JSON-safe). */
  readonly input?: unknown;
}

export interface PackedCheck {
  readonly id: string;
  readonly title: string;
  /** What the check compares with: the exercise's tolerance, or none at all for an exact check. */
  readonly tolerance: Tolerance;
  readonly cases: readonly PackedCase[];
}

export interface PackedExercise {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly exports: readonly string[];
  readonly tolerance: Tolerance;
  readonly checks: readonly PackedCheck[];
  /** The public checks `npm test` cannot run (random, property or model checks), listed as skipped. */
  readonly notShipped: readonly { readonly id: string; readonly title: string }[];
}

/** `checks/public-cases.json` of the student pack. */
export interface PublicCases {
  readonly version: 1;
  readonly lang: Lang;
  readonly exercises: readonly PackedExercise[];
}

const LIMITS: EncodeLimits = { maxItems: 10_000_000, maxDepth: 64 };
const PROBE = '\u0000neurograde-probe';

const encodeSteps = (steps: readonly Step[]): Step[] => steps.map((s) => encodeStep(s, LIMITS));

/**
 * The fixed cases of a public check, with their ids and the reference's outputs, or undefined
 * when the check cannot be shipped as data: its cases change with the seed (random cases and
 * property checks: only the grader may draw them), it runs the student more than once, or its
 * verdict is not the plain comparison of outputs (a model check). Learnt by dry runs: the
 * reference's own answers must pass, and a wrong answer on case i must fail naming case i.
 */
export async function packCheck(exercise: Exercise, check: CheckDefinition, options: { seed: number; lang: Lang }): Promise<PackedCheck | undefined> {
  const first = await dryRunCheck(exercise, check, options);
  const other = await dryRunCheck(exercise, check, { ...options, seed: options.seed + 7919 });
  if (first.calls.length !== 1 || other.calls.length !== 1) return undefined;
  const cases: Cases = first.calls[0]!;
  if (JSON.stringify(encodeCalls(cases)) !== JSON.stringify(encodeCalls(other.calls[0]!))) return undefined;

  let expected: unknown[][];
  try {
    expected = cases.map((steps) => evaluate(exercise.reference, steps).map((v) => encodeValue(v, LIMITS)));
  } catch {
    return undefined;
  }
  // decodeValue reuses the arrays it is given: each dry run decodes a copy, and `expected` stays
  // in wire form for the pack.
  const answers = (probe?: number): CaseOutcome[] =>
    expected.map((outs, i) => ({ ok: true, outputs: outs.map((o, k) => (i === probe && k === 0 ? PROBE : decodeValue(structuredClone(o)))) }));
  const honest = await dryRunCheck(exercise, check, { ...options, answer: () => ({ ok: true, cases: answers() }) });
  if (honest.verdict.status !== 'passed') return undefined;

  const packed: PackedCase[] = [];
  for (let i = 0; i < cases.length; i++) {
    const probed = await dryRunCheck(exercise, check, { ...options, answer: () => ({ ok: true, cases: answers(i) }) });
    if (probed.verdict.status !== 'failed' || expected[i]!.length === 0) return undefined;
    const evidence = probed.verdict.evidence;
    const id = evidence?.caseId ?? `#${i + 1}`;
    const probeTitle = async (lang: Lang): Promise<string | undefined> => {
      const v = (await dryRunCheck(exercise, check, { ...options, lang, answer: () => ({ ok: true, cases: answers(i) }) })).verdict;
      return v.status === 'failed' ? v.evidence?.caseTitle : undefined;
    };
    const title = evidence?.caseTitle === undefined ? undefined : await bothTitles(options.lang, evidence.caseTitle, probeTitle);
    packed.push({ id, ...(title ? { title } : {}), steps: encodeSteps(cases[i]!), expected: expected[i]!, ...(evidence?.input !== undefined ? { input: evidence.input } : {}) });
  }
  return { id: check.id, title: check.title[options.lang], tolerance: await checkTolerance(exercise, check, options, answers()), cases: packed };
}

/**
 * The tolerance a check compares with. Most use the exercise's; a few demand exact values (a
 * grayscale image of integers). Learnt by a dry run: an answer off by half the exercise's
 * tolerance in one value passes the first kind and fails the second.
 */
async function checkTolerance(exercise: Exercise, check: CheckDefinition, options: { seed: number; lang: Lang }, honest: CaseOutcome[]): Promise<Tolerance> {
  const tol = exercise.manifest.tolerance;
  const nudged = honest.map((c) => (c.ok ? { ...c, outputs: c.outputs.map((o) => nudge(o, tol)) } : c));
  const probed = await dryRunCheck(exercise, check, { ...options, answer: () => ({ ok: true, cases: nudged }) });
  return probed.verdict.status === 'passed' ? tol : { atol: 0, rtol: 0 };
}

/** A copy of a value with every finite number moved by half its tolerance. */
function nudge(value: unknown, tol: Tolerance): unknown {
  const move = (x: number): number => (Number.isFinite(x) ? x + (tol.atol + tol.rtol * Math.abs(x)) / 2 : x);
  if (typeof value === 'number') return move(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array)) {
    return (value as Float64Array).map(move);
  }
  if (Array.isArray(value)) return value.map((v) => nudge(v, tol));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nudge(v, tol)]));
  return value;
}

/** A case's title in both languages: the one a probe gave in `lang`, and the other language's from one more probe. */
async function bothTitles(lang: Lang, own: string, titleIn: (lang: Lang) => Promise<string | undefined>): Promise<Localized | undefined> {
  const other: Lang = lang === 'en' ? 'fr' : 'en';
  const theirs = await titleIn(other);
  return theirs === undefined ? undefined : ({ [lang]: own, [other]: theirs } as Localized);
}

function encodeCalls(cases: Cases): unknown {
  return cases.map((steps) => encodeSteps(steps));
}

/** Every shippable public fixed case of the exercises. Hidden checks are never even dry-run. */
export async function publicCases(exercises: readonly Exercise[], options: { seed: number; lang: Lang }): Promise<PublicCases> {
  const out: PackedExercise[] = [];
  for (const exercise of exercises) {
    const m = exercise.manifest;
    const checks: PackedCheck[] = [];
    const notShipped: { id: string; title: string }[] = [];
    for (const check of exercise.checks) {
      if (!m.checks[check.id]?.public) continue;
      const packed = await packCheck(exercise, check, options);
      if (packed) checks.push(packed);
      else notShipped.push({ id: check.id, title: check.title[options.lang] });
    }
    out.push({ id: m.id, title: m.title[options.lang], file: m.file, exports: m.exports, tolerance: m.tolerance, checks, notShipped });
  }
  return { version: 1, lang: options.lang, exercises: out };
}
