import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Exercise } from '../load/exercise.js';
import type { CheckResult, ExerciseResult, SubmissionResult } from '../model/results.js';
import { observations } from '../diagnose/describe.js';
import { messages, type Messages } from '../i18n/index.js';
import { checkExports } from './capture.js';
import { declarationLine, firstFrame } from '../load/locate.js';

export { declarationLine, firstFrame } from '../load/locate.js';

/** The mistakes named on a failed check (title: hint) and what the grader observed. */
export function diagnosisLines(check: CheckResult, t: Messages): string[] {
  if (check.status !== 'failed') return [];
  const named = [...(check.mistake ? [check.mistake] : []), ...(check.alsoMistakes ?? [])];
  return [...named.map((m) => `${m.title}: ${m.hint}`), ...observations(check, t)];
}

/** One GitHub Actions annotation: `::error file=...,line=...,title=...::message`. */
export interface Annotation {
  /** Path relative to the repository root, `/`-separated; absent when the file does not exist. */
  readonly file?: string;
  readonly line?: number;
  readonly title: string;
  readonly message: string;
  /** The exercise it belongs to (not printed): annotations are grouped by it. */
  readonly exercise?: string;
}

/** Workflow-command escaping: data loses `%`, CR and LF; properties also `:` and `,`. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatAnnotation(a: Annotation): string {
  const props = [a.file !== undefined ? `file=${escapeProperty(a.file)}` : '', a.line !== undefined ? `line=${a.line}` : '', `title=${escapeProperty(a.title)}`]
    .filter(Boolean)
    .join(',');
  return `::error ${props}::${escapeData(a.message)}`;
}

export interface AnnotateOptions {
  readonly submissionDir: string;
  /** Paths in annotations are relative to it. @default process.cwd() (GITHUB_WORKSPACE in Actions) */
  readonly root?: string;
  readonly exercises: readonly Exercise[];
  readonly seed: number;
  readonly title: (exercise: string, check: string) => string;
}

/**
 * Annotations for every check that did not pass, on the line at fault: the student's stack
 * frame for a throw, the compile error's location, or else the declaration of the export the
 * check calls (the one the diagnosed mistake replaces, when there is one).
 */
export async function annotationsFor(result: SubmissionResult, options: AnnotateOptions): Promise<Annotation[]> {
  const root = options.root ?? process.cwd();
  const rel = (file: string): string => relative(root, join(options.submissionDir, file)).split(sep).join('/');
  const out: Annotation[] = [];
  for (const ex of result.exercises) {
    const def = options.exercises.find((e) => e.manifest.id === ex.id);
    const path = join(options.submissionDir, ex.file);
    const source = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (ex.status !== 'graded') {
      const errored = ex.checks.find((c): c is Extract<CheckResult, { status: 'error' }> => c.status === 'error' && c.stack !== undefined);
      const where = firstFrame(ex.message) ?? firstFrame(errored?.stack);
      out.push({
        ...(source !== undefined ? { file: rel(where?.file ?? ex.file), line: where?.line ?? 1 } : {}),
        exercise: ex.id,
        title: options.title(ex.id, ex.status),
        message: ex.message ?? ex.status,
      });
      continue;
    }
    for (const check of ex.checks) {
      if (check.status === 'passed') continue;
      const line = source !== undefined ? await lineFor(check, ex, def, source, options.seed) : undefined;
      out.push({
        ...(source !== undefined ? { file: rel(line?.file ?? ex.file), line: line?.line ?? 1 } : {}),
        exercise: ex.id,
        title: options.title(ex.id, check.id),
        message: [check.message, ...diagnosisLines(check, messages(result.lang))].join('\n'),
      });
    }
  }
  return out;
}

async function lineFor(
  check: Exclude<CheckResult, { status: 'passed' }>,
  ex: ExerciseResult,
  def: Exercise | undefined,
  source: string,
  seed: number,
): Promise<{ file: string; line: number } | undefined> {
  if (check.status === 'error') {
    const frame = firstFrame(check.stack);
    if (frame) return frame;
  }
  if (!def) return undefined;
  const definition = def.checks.find((c) => c.id === check.id);
  const used = definition ? await checkExports(def, definition, seed) : [];
  const mistake = check.status === 'failed' && check.diagnosis ? def.mistakes.find((m) => m.id === check.diagnosis) : undefined;
  const overridden = mistake ? Object.keys(mistake.overrides) : [];
  const candidates = [...overridden.filter((n) => used.length === 0 || used.includes(n)), ...used, ...def.manifest.exports];
  for (const name of candidates) {
    const line = declarationLine(source, name);
    if (line !== undefined) return { file: ex.file, line };
  }
  return undefined;
}

/** GitHub shows at most ten error annotations per step; more are dropped without a word. */
export const MAX_ANNOTATIONS = 10;

/**
 * The annotations a step prints: one per exercise (its first problem, with the count of the
 * others in its message), at most `max`; `hidden` counts every problem not printed, for the
 * job summary to say.
 */
export function limitAnnotations(
  all: readonly Annotation[],
  options: { readonly max: number; readonly exerciseOf: (a: Annotation) => string; readonly others: (n: number) => string },
): { shown: Annotation[]; hidden: number } {
  const byExercise = new Map<string, Annotation[]>();
  for (const a of all) {
    const key = options.exerciseOf(a);
    byExercise.set(key, [...(byExercise.get(key) ?? []), a]);
  }
  const shown: Annotation[] = [];
  for (const group of byExercise.values()) {
    if (shown.length >= options.max) break;
    const first = group[0]!;
    shown.push(group.length > 1 ? { ...first, message: `${first.message}\n${options.others(group.length - 1)}` } : first);
  }
  return { shown, hidden: all.length - shown.length };
}
