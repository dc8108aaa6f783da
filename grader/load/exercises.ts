import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CheckDefinition } from '../kit/check.js';
import { GraderError, UsageError } from '../model/errors.js';
import type { Exercise } from './exercise.js';
import { bundleExerciseModules, type ModuleOutcome } from './exercise-modules.js';
import { ManifestSchema, type Manifest } from '../model/manifest.js';
import type { MistakeDefinition } from '../kit/mistake.js';
import { validator } from '../schema/validate.js';

const validateManifest = validator(ManifestSchema);

export interface ExerciseRoots {
  /** Folder with one sub-folder per exercise. */
  readonly exercisesDir: string;
  /** Folder with one trusted module per exercise, `<id>.ts`. */
  readonly referenceDir: string;
}

/** Imports a teacher's module once bundled; a failure is a problem of the exercise, reported with the others. */
async function importModule(bundled: ModuleOutcome | undefined, problems: string[], label: string): Promise<Record<string, unknown> | undefined> {
  if (!bundled) return undefined;
  if (!bundled.ok) {
    problems.push(`${label}: cannot be imported: ${bundled.message}`);
    return undefined;
  }
  try {
    return (await import(bundled.url)) as Record<string, unknown>;
  } catch (e) {
    problems.push(`${label}: cannot be imported: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

/** The exercise's build (see Exercise.build): its checks' and reference's modules, when both were bundled. */
function buildOf(bundled: ReadonlyMap<string, ModuleOutcome>): string | undefined {
  const urls = ['checks', 'reference'].map((name) => bundled.get(name)).map((m) => (m?.ok ? m.url : undefined));
  if (urls.some((u) => u === undefined)) return undefined;
  return createHash('sha256').update(urls.join('\0')).digest('hex');
}

/** The exercise's checks, mistakes and reference, bundled together then imported; each problem is pushed on `problems`. */
async function exerciseModules(dir: string, referencePath: string, problems: string[]): Promise<Pick<Exercise, 'checks' | 'mistakes' | 'reference' | 'build'>> {
  const checksIndex = join(dir, 'checks', 'index.ts');
  const mistakesIndex = join(dir, 'mistakes', 'index.ts');
  const present = Object.entries({ checks: checksIndex, mistakes: mistakesIndex, reference: referencePath }).filter(([, p]) => existsSync(p));
  const bundled = await bundleExerciseModules(Object.fromEntries(present));
  let checks: readonly CheckDefinition[] = [];
  if (!existsSync(checksIndex)) problems.push('checks/index.ts: missing');
  else {
    const mod = await importModule(bundled.get('checks'), problems, 'checks/index.ts');
    if (mod && !Array.isArray(mod.checks)) problems.push('checks/index.ts: must export `checks`, an array');
    else if (mod) checks = mod.checks as CheckDefinition[];
  }
  let mistakes: readonly MistakeDefinition[] = [];
  if (existsSync(mistakesIndex)) {
    const mod = await importModule(bundled.get('mistakes'), problems, 'mistakes/index.ts');
    if (mod && !Array.isArray(mod.mistakes)) problems.push('mistakes/index.ts: must export `mistakes`, an array');
    else if (mod) mistakes = mod.mistakes as MistakeDefinition[];
  }
  const label = `reference/${basename(referencePath)}`;
  if (!existsSync(referencePath)) problems.push(`${label}: missing`);
  const reference = existsSync(referencePath) ? ((await importModule(bundled.get('reference'), problems, label)) ?? {}) : {};
  const build = buildOf(bundled);
  return { checks, mistakes, reference, ...(build ? { build } : {}) };
}

export interface LoadOptions {
  /**
   * Told each valid manifest as soon as it is read, before the exercise's modules are bundled
   * and imported (the longest part): the caller may start what the manifests decide (the first
   * sandbox children) meanwhile. @default none
   */
  readonly onManifest?: (manifest: Manifest) => void;
}

/**
 * Loads and validates one exercise folder: manifest, statements, checks, mistakes and its
 * reference. Every problem found is reported at once, as a GraderError with code BAD_EXERCISE.
 */
export async function loadExercise(roots: ExerciseRoots, id: string, options: LoadOptions = {}): Promise<Exercise> {
  const dir = join(roots.exercisesDir, id);
  const problems: string[] = [];
  const manifestPath = join(dir, 'exercise.json');
  let manifest: Manifest | undefined;
  try {
    const parsed = validateManifest(JSON.parse(readFileSync(manifestPath, 'utf8')));
    if (parsed.ok) manifest = parsed.value;
    else problems.push(...parsed.errors.map((e) => `exercise.json ${e}`));
  } catch (e) {
    problems.push(`exercise.json: ${(e as Error).message}`);
  }
  if (manifest && manifest.id !== id) problems.push(`exercise.json: id "${manifest.id}" differs from the folder name "${id}"`);
  if (manifest) options.onManifest?.(manifest);

  const statement = { fr: '', en: '' };
  for (const [lang, name] of [['fr', 'README.md'], ['en', 'README.en.md']] as const) {
    const p = join(dir, name);
    if (existsSync(p)) statement[lang] = readFileSync(p, 'utf8');
    else problems.push(`${name}: missing statement`);
  }

  const { checks, mistakes, reference, build } = await exerciseModules(dir, join(roots.referenceDir, `${id}.ts`), problems);

  if (manifest) {
    const declared = Object.keys(manifest.checks);
    const defined = checks.map((c) => c.id);
    for (const c of declared) if (!defined.includes(c)) problems.push(`check "${c}" is in exercise.json but not in checks/index.ts`);
    for (const c of defined) if (!declared.includes(c)) problems.push(`check "${c}" is in checks/index.ts but not in exercise.json`);
    for (const name of manifest.exports) if (!(name in reference)) problems.push(`reference/${id}.ts does not export "${name}"`);
  }
  const seen = new Set<string>();
  for (const m of mistakes) {
    if (seen.has(m.id)) problems.push(`mistake id "${m.id}" is used twice`);
    seen.add(m.id);
  }
  if (problems.length > 0 || !manifest) {
    throw new GraderError('BAD_EXERCISE', `Exercise "${id}" (${dir}) is not valid:\n  - ${problems.join('\n  - ')}`);
  }
  return { manifest, dir, statement, checks, mistakes, reference, ...(build ? { build } : {}) };
}

/**
 * Where exercises come from: one pair of folders, or several searched together (the bundled
 * exercises and a teacher's course). An id may live in one of them only.
 */
export type ExerciseSources = ExerciseRoots | readonly ExerciseRoots[];

/** The roots of `sources`, as a list. */
export const rootsOf = (sources: ExerciseSources): readonly ExerciseRoots[] => ('exercisesDir' in sources ? [sources] : sources);

/**
 * Each exercise id with the roots it lives in. An id found in two roots is a GraderError with
 * code DUPLICATE_EXERCISE naming both folders: which one to grade is the teacher's to say.
 */
export function exerciseOwners(sources: ExerciseSources): Map<string, ExerciseRoots> {
  const owners = new Map<string, ExerciseRoots>();
  for (const roots of rootsOf(sources)) {
    if (!existsSync(roots.exercisesDir)) throw new GraderError('BAD_CONFIG', `No exercises folder at ${roots.exercisesDir}`);
    const ids = readdirSync(roots.exercisesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(roots.exercisesDir, d.name, 'exercise.json')))
      .map((d) => d.name);
    for (const id of ids) {
      const other = owners.get(id);
      if (other) {
        throw new GraderError(
          'DUPLICATE_EXERCISE',
          `Exercise "${id}" is in both ${join(other.exercisesDir, id)} and ${join(roots.exercisesDir, id)}; rename one, or grade the course's exercises alone (--course-only)`,
        );
      }
      owners.set(id, roots);
    }
  }
  return owners;
}

/** The ids of the exercise folders, sorted. */
export function listExerciseIds(sources: ExerciseSources): string[] {
  return [...exerciseOwners(sources).keys()].sort();
}

/**
 * Loads the exercises, all of them or those named (an unknown name is bad usage, a UsageError
 * with code UNKNOWN_EXERCISE that lists the known ones), from the roots each lives in. Mistake
 * ids must be unique across exercises.
 */
export async function loadExercises(sources: ExerciseSources, only?: readonly string[], options: LoadOptions = {}): Promise<Exercise[]> {
  const owners = exerciseOwners(sources);
  const ids = [...owners.keys()].sort();
  if (only) {
    const unknown = only.filter((id) => !owners.has(id));
    if (unknown.length > 0) {
      throw new UsageError(`Unknown exercise ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${ids.join(', ')}`, 'UNKNOWN_EXERCISE');
    }
  }
  const exercises = await Promise.all((only ?? ids).map((id) => loadExercise(owners.get(id)!, id, options)));
  const owner = new Map<string, string>();
  for (const ex of exercises) {
    for (const m of ex.mistakes) {
      const other = owner.get(m.id);
      if (other) throw new GraderError('BAD_EXERCISE', `Mistake id "${m.id}" is used by both "${other}" and "${ex.manifest.id}"`);
      owner.set(m.id, ex.manifest.id);
    }
  }
  return exercises.sort((a, b) => (a.manifest.order ?? 100) - (b.manifest.order ?? 100) || a.manifest.id.localeCompare(b.manifest.id));
}
