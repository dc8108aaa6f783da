import { readFileSync } from 'node:fs';
import { compareValues } from '../compare/compare.js';
import { judgeCases, type CaseSpec } from '../kit/cases.js';
import type { CheckDefinition, CheckVerdict } from '../kit/check.js';
import { GraderError, UsageError } from '../model/errors.js';
import type { Exercise } from './exercise.js';
import type { Manifest } from '../model/manifest.js';
import { PublicCourseSchema, type PublicCheck, type PublicExercise } from '../model/public-course.js';
import { decodeStep } from '../sandbox/case-encoder.js';
import type { Step } from '../sandbox/steps.js';
import { decodeValue } from '../sandbox/wire.js';
import { validator } from '../schema/validate.js';

const validateCourse = validator(PublicCourseSchema);

/** Decodes a wire-form value without touching the original (decodeValue reuses arrays). */
const decoded = (wire: unknown): unknown => decodeValue(structuredClone(wire));

/**
 * A public check that runs from data: the cases and the reference's outputs as shipped, judged
 * like any case check (kit `judgeCases`). A failure's observations carry the shipped outputs of
 * the diagnosis's variants on their cases, so the grader's own diagnosis names the mistake by the
 * same rule as with the reference in hand, replaying data instead of code.
 */
export function dataCheck(check: PublicCheck): CheckDefinition {
  const compare = (want: unknown, got: unknown) => compareValues(want, got, check.tolerance);
  return {
    id: check.id,
    title: check.title,
    async run(ctx): Promise<CheckVerdict> {
      const data = ctx.memo('data-cases', () => ({
        specs: check.cases.map((c): CaseSpec => ({ id: c.id, ...(c.title ? { title: c.title } : {}), steps: c.steps.map((s) => decodeStep(s as Step)), ...(isRecord(c.input) ? { input: c.input } : {}) })),
        expected: check.cases.map((c) => c.expected.map(decoded)),
        variants: check.cases.map((c) => Object.fromEntries(Object.entries(c.mistakes).map(([key, outs]) => [key, outs.map(decoded)]))),
      }));
      const verdict = await judgeCases(ctx, data.specs, compare, data.expected);
      if (verdict.status !== 'failed' || !verdict.observations) return verdict;
      const index = new Map(data.specs.map((s, i) => [s.steps, i]));
      return { ...verdict, observations: verdict.observations.map((obs) => ({ ...obs, variants: data.variants[index.get(obs.steps) ?? -1] ?? {} })) };
    },
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Exports by name with no code behind them: never called, since every variant's outputs come as data. */
const placeholders = (names: readonly string[]): Record<string, unknown> => Object.fromEntries(names.map((n) => [n, undefined]));

function toExercise(e: PublicExercise, dir: string): Exercise {
  const manifest: Manifest = {
    id: e.id,
    title: e.title,
    summary: e.summary,
    file: e.file,
    exports: e.exports,
    tolerance: e.tolerance,
    ...(e.limits ? { limits: e.limits } : {}),
    ...(e.order !== undefined ? { order: e.order } : {}),
    checks: Object.fromEntries(e.checks.map((c) => [c.id, { points: c.points, public: true }])),
  };
  return {
    manifest,
    dir,
    statement: { fr: '', en: '' },
    checks: e.checks.map((c) => dataCheck(c)),
    // Known by their outputs only: the student's package holds no code of theirs, only the names
    // of what they replace, for the diagnosis to list its variants (replayed from the cases' data).
    mistakes: e.mistakes.map(({ replaces, forms, wraps, ...m }) => ({
      ...m,
      overrides: placeholders(replaces),
      forms: forms.map(placeholders),
      ...(wraps ? { wrap: () => ({}) } : {}),
    })),
    reference: {},
  };
}

/**
 * The exercises of a student grader package's `public-course.json`, all or those named. A file
 * that does not parse or fit the schema is a GraderError with code BAD_CONFIG; an unknown name,
 * UNKNOWN_EXERCISE.
 */
export function loadPublicCourse(path: string, dir: string, only?: readonly string[]): Exercise[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new GraderError('BAD_CONFIG', `${path}: cannot be read as JSON: ${(e as Error).message}`);
  }
  const parsed = validateCourse(raw);
  if (!parsed.ok) throw new GraderError('BAD_CONFIG', `${path} is not a valid public course:\n  - ${parsed.errors.join('\n  - ')}`);
  const all = parsed.value.exercises;
  const unknown = (only ?? []).filter((id) => !all.some((e) => e.id === id));
  if (unknown.length > 0) {
    throw new UsageError(`Unknown exercise ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${all.map((e) => e.id).join(', ')}`, 'UNKNOWN_EXERCISE');
  }
  // An exercise whose public checks all need the reference (models, trained by the grader) has
  // nothing to run here: the teacher's grading covers it.
  return all
    .filter((e) => (!only || only.includes(e.id)) && e.checks.length > 0)
    .map((e) => toExercise(e, dir))
    .sort((a, b) => (a.manifest.order ?? 100) - (b.manifest.order ?? 100) || a.manifest.id.localeCompare(b.manifest.id));
}
