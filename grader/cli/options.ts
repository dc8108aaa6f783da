import { UsageError } from '../model/errors.js';
import { isLang, type Lang } from '../model/localized.js';
import type { ExerciseSources } from '../load/exercises.js';
import { gradingRoots, type CourseChoice } from '../load/roots.js';
import type { MinScore } from '../score/min-score.js';
import { ISOLATIONS, type Isolation } from '../execute/options.js';

/** Option parsers shared by the batch, merge, check, ci and pack commands. */
export function parseList(value: string | undefined, option = '--exercises'): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`${option} needs at least one exercise id, e.g. ${option} convolution,pooling`);
  return items;
}

/** `--lang fr|en`; without it `fallback` (a pack's own language for the student's commands). */
export function parseLang(value: string | undefined, fallback: Lang = 'en'): Lang {
  const v = value ?? fallback;
  if (!isLang(v)) throw new UsageError(`--lang must be fr or en, not "${v}"`);
  return v;
}

export function parseCount(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${option} must be a whole number of at least 1, not "${value}"`);
  return n;
}

/**
 * `--seed N`, else the course's NEUROGRADE_SEED (set as a CI secret, it never shows in a
 * workflow file the students can read), else undefined (the grader's default).
 */
export function parseSeed(value: string | undefined, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const given = value ?? (env.NEUROGRADE_SEED || undefined);
  if (given === undefined) return undefined;
  const n = Number(given);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${value === undefined ? 'NEUROGRADE_SEED' : '--seed'} must be a whole number, not "${given}"`);
  return n;
}

/** `--isolation exercise|submission`: how far children are shared within a submission. */
export function parseIsolation(value: string | undefined): Isolation | undefined {
  if (value === undefined) return undefined;
  if (!(ISOLATIONS as readonly string[]).includes(value)) throw new UsageError(`--isolation must be submission or exercise, not "${value}"`);
  return value as Isolation;
}

export function parseMinScore(value: string | undefined): MinScore | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(value.trim());
  if (!m) throw new UsageError(`--min-score must be points (12) or a percentage (60%), not "${value}"`);
  const n = Number(m[1]);
  if (m[2] === '%' && n > 100) throw new UsageError(`--min-score ${value}: a percentage is at most 100%`);
  return m[2] === '%' ? { kind: 'percent', value: n } : { kind: 'points', value: n };
}

/**
 * `--course <dir>` adds a teacher's exercises to the bundled ones; `--course-only` grades the
 * course's alone, and means nothing without `--course`.
 */
export function parseCourse(values: { readonly course?: string | undefined; readonly 'course-only'?: boolean | undefined }): CourseChoice {
  if (values['course-only'] && !values.course) throw new UsageError('--course-only needs --course <dir>, the course whose exercises to grade alone');
  return { ...(values.course ? { course: values.course } : {}), ...(values['course-only'] ? { courseOnly: true } : {}) };
}

/**
 * The exercise roots to grade with when a course is chosen; none otherwise, so the environment
 * takes its default (the bundled exercises, or a student's grader package's public course).
 */
export function courseSources(choice: CourseChoice): { roots?: ExerciseSources } {
  return choice.course ? { roots: gradingRoots(choice) } : {};
}
