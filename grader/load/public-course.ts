import { readFileSync } from 'node:fs';
import { compareValues } from '../compare/compare.js';
import { reproduces } from '../diagnose/diagnose.js';
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
 * like any case check (kit `judgeCases`); on a failure the known mistakes' shipped outputs on the
 * same cases name the mistake, by the rule of the grader's diagnosis: the one mistake that
 * reproduces every case the student answered (none when two do).
 */
export function dataCheck(check: PublicCheck, mistakeIds: readonly string[]): CheckDefinition {
  const compare = (want: unknown, got: unknown) => compareValues(want, got, check.tolerance);
  return {
    id: check.id,
    title: check.title,
    async run(ctx): Promise<CheckVerdict> {
      const data = ctx.memo('data-cases', () => ({
        specs: check.cases.map((c): CaseSpec => ({ id: c.id, steps: c.steps.map((s) => decodeStep(s as Step)), ...(isRecord(c.input) ? { input: c.input } : {}) })),
        expected: check.cases.map((c) => c.expected.map(decoded)),
        mistakes: check.cases.map((c) => new Map(Object.entries(c.mistakes).map(([id, outs]) => [id, outs.map(decoded)]))),
      }));
      const verdict = await judgeCases(ctx, data.specs, compare, data.expected);
      if (verdict.status !== 'failed' || !verdict.observations || verdict.observations.length === 0) return verdict;
      const index = new Map(data.specs.map((s, i) => [s.steps, i]));
      const found = mistakeIds.filter((id) =>
        verdict.observations!.every((obs) => {
          const outputs = data.mistakes[index.get(obs.steps) ?? -1]?.get(id);
          return outputs !== undefined && reproduces(outputs, obs.outputs, ctx.tolerance);
        }),
      );
      // The grader's rule: two mistakes that explain the answers equally are not named.
      return found.length === 1 ? { ...verdict, diagnosis: found[0]! } : verdict;
    },
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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
  const ids = e.mistakes.map((m) => m.id);
  return {
    manifest,
    dir,
    statement: { fr: '', en: '' },
    checks: e.checks.map((c) => dataCheck(c, ids)),
    // Known by their outputs only: the student's package holds no code of theirs.
    mistakes: e.mistakes.map((m) => ({ ...m, overrides: {} })),
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
