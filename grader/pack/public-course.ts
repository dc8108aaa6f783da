import { usedExports, variantsFor, type Variant } from '../diagnose/variants.js';
import { evaluate } from '../kit/evaluate.js';
import type { Exercise } from '../load/exercise.js';
import type { PublicCase, PublicCourse, PublicExercise } from '../model/public-course.js';
import { decodeStep } from '../sandbox/case-encoder.js';
import type { Step } from '../sandbox/steps.js';
import { encodeValue, type EncodeLimits } from '../sandbox/wire.js';
import { packCheck } from './public-cases.js';

const LIMITS: EncodeLimits = { maxItems: 10_000_000, maxDepth: 64 };

/**
 * The outputs on one case of every variant the diagnosis tries for the check (the same list as
 * the full grader's: see variantsFor), by variant key. A variant that throws, or answers with
 * something the wire cannot carry, is left out: it reproduces no answer.
 */
function variantOutputs(variants: readonly Variant[], steps: readonly Step[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const decoded = steps.map(decodeStep);
  for (const variant of variants) {
    try {
      out[variant.key] = evaluate(variant.module, decoded).map((v) => encodeValue(v, LIMITS));
    } catch {
      // Left out, as above.
    }
  }
  return out;
}

async function publicExercise(exercise: Exercise, seed: number): Promise<PublicExercise> {
  const m = exercise.manifest;
  const checks: PublicExercise['checks'][number][] = [];
  const teacherOnly: PublicExercise['teacherOnly'][number][] = [];
  for (const check of exercise.checks) {
    const entry = m.checks[check.id]!;
    if (!entry.public) continue;
    const packed = await packCheck(exercise, check, { seed, lang: 'en' });
    if (!packed) {
      teacherOnly.push({ id: check.id, title: check.title });
      continue;
    }
    const used = new Set(packed.cases.flatMap((c) => [...usedExports(c.steps.map(decodeStep))]));
    const variants = variantsFor(exercise.reference, exercise.mistakes, used);
    const cases: PublicCase[] = packed.cases.map((c) => ({ ...c, steps: [...c.steps], expected: [...c.expected], mistakes: variantOutputs(variants, c.steps) }));
    checks.push({ id: check.id, title: check.title, points: entry.points, tolerance: packed.tolerance, cases });
  }
  return {
    id: m.id,
    ...(m.order !== undefined ? { order: m.order } : {}),
    title: m.title,
    summary: m.summary,
    file: m.file,
    exports: [...m.exports],
    tolerance: m.tolerance,
    ...(m.limits ? { limits: m.limits } : {}),
    checks,
    teacherOnly,
    mistakes: exercise.mistakes.map((k) => ({
      id: k.id,
      title: k.title,
      explanation: k.explanation,
      hint: k.hint,
      replaces: Object.keys(k.overrides),
      forms: (k.forms ?? []).map((f) => Object.keys(f)),
      wraps: k.wrap !== undefined,
    })),
  };
}

/**
 * The course as the student's grader package carries it (see PublicCourseSchema): the public
 * checks that can run as data, with the reference's outputs on their cases and those of every
 * variant of the known mistakes the diagnosis tries there. Hidden checks are never even dry-run; no code of the reference or of a mistake is copied.
 */
export async function publicCourse(exercises: readonly Exercise[], options: { readonly seed: number; readonly grader: string }): Promise<PublicCourse> {
  const out: PublicExercise[] = [];
  for (const e of exercises) out.push(await publicExercise(e, options.seed));
  return { format: 'neurograde-public-course/1', grader: options.grader, seed: options.seed, exercises: out };
}
