import type { Roster } from '../io/roster.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { messages, type Messages } from '../i18n/index.js';
import { loadExercises } from '../load/exercises.js';
import { UsageError } from '../model/errors.js';
import type { Lang } from '../model/localized.js';
import { SubmissionResultSchema, type SubmissionResult } from '../model/results.js';
import { validator } from '../schema/validate.js';
import { readValidated } from '../io/read-validated.js';
import { writeFileAtomic } from '../io/write.js';
import { ClassResultSchema, type BatchEntry, type ClassResult, type ShardProblem } from '../model/class-results.js';
import { writeClassOutputs } from './run-batch.js';
import { shardSetProblems } from './shard-set.js';
import { shardProblemText } from '../../reports/shard-problems.js';
import { sortEntries } from './summary.js';
import { graderVersion } from '../io/package.js';
import { gradingRoots } from '../load/roots.js';
import { loadTeacher, planTeacher, readjust, type TeacherInputs, type TeacherPlan } from './teacher.js';
import type { TeacherProblem } from '../model/adjustments.js';
import { writeResults } from '../io/results-file.js';
import { writeReports } from '../../reports/write.js';
import type { ReportContext } from '../../reports/types.js';
import { findStudent } from '../io/roster.js';

export interface MergeOptions {
  /** Output folders of `neurograde batch --shard i/n`. */
  readonly shards: readonly string[];
  readonly out: string;
  /** @default the first shard's language */
  readonly lang?: Lang;
  /** A course folder whose exercises/ and reference/ are added to the grader's own. @default none */
  readonly course?: string;
  /** The course's exercises alone. @default false */
  readonly courseOnly?: boolean;
  /** Merge an incomplete or inconsistent set of shards, marking the outputs partial. @default false */
  readonly allowPartial?: boolean;
  /** Who each submission is in the LMS (see BatchOptions.roster). @default none */
  readonly roster?: Roster;
  /** Canvas assignment ids by exercise id. @default none */
  readonly canvasAssignments?: Readonly<Record<string, string>>;
  /** The teacher's late policy and overrides, applied again to every merged submission (see TeacherInputs). @default as the shards applied them */
  readonly teacher?: TeacherInputs;
  /** 'fr': gradebook.csv with `;` and decimal commas. @default 'en' */
  readonly csvLocale?: 'en' | 'fr';
}

export interface MergeSummary {
  readonly entries: readonly BatchEntry[];
  readonly files: readonly string[];
  /** Empty unless the set was incomplete and `allowPartial` let it through. */
  readonly problems: readonly ShardProblem[];
  /** Lines of the teacher's files that were not applied. */
  readonly teacherProblems: readonly TeacherProblem[];
}

/** Copies a folder file by file, each written atomically, so a killed merge leaves no torn file. */
function copyAtomic(from: string, to: string): void {
  for (const d of readdirSync(from, { withFileTypes: true })) {
    if (d.isDirectory()) copyAtomic(join(from, d.name), join(to, d.name));
    else if (d.isFile()) writeFileAtomic(join(to, d.name), readFileSync(join(from, d.name)));
  }
}

const validateClass = validator(ClassResultSchema);
const validateResult = validator(SubmissionResultSchema);

/** A shard's class results.json, read and checked. */
function readShard(dir: string, t: Messages): ClassResult {
  const r = readValidated(join(dir, 'results.json'), validateClass);
  if (r.ok) return r.value;
  throw new UsageError(r.reason === 'missing' ? t.batch.merge.noClass(dir) : `${t.batch.merge.noClass(dir)} (${r.errors[0]})`);
}

/**
 * The shards to merge, after checking that they are the whole class: a missing, duplicated or
 * mismatched shard is refused, naming which, unless `allowPartial`; then a shard given twice is
 * read once and the problems are returned, for the merged outputs to say they are partial.
 */
function checkShardSet(shards: readonly { dir: string; klass: ClassResult }[], options: MergeOptions, t: Messages) {
  const problems = shardSetProblems(shards.map((s) => ({ dir: s.dir, ...(s.klass.shard ? { shard: s.klass.shard } : {}), ...(s.klass.fingerprint ? { fingerprint: s.klass.fingerprint } : {}) })));
  const text = problems.map((p) => shardProblemText(t, p)).join(' ');
  if (problems.length > 0 && !options.allowPartial) throw new UsageError(t.batch.merge.refused(text));
  const seen = new Set<string>();
  const kept = shards.filter((s) => {
    if (!s.klass.shard) return true;
    const key = `${s.klass.shard.index}/${s.klass.shard.count}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { kept, problems, fingerprint: shards.find((s) => s.klass.fingerprint)?.klass.fingerprint };
}

/**
 * Combines the outputs of a sharded batch (a CI matrix) into one: every submission's folder is
 * copied under `out`, and the class files (gradebook, JUnit, class results.json, index.html)
 * are rendered again from all of them, exactly as one unsharded batch would have written them.
 * The set must be every shard of one split, graded alike (see shardSetProblems).
 */
export async function mergeShards(options: MergeOptions): Promise<MergeSummary> {
  const t0 = messages(options.lang ?? 'en');
  if (options.shards.length === 0) throw new UsageError('merge needs at least one shard folder');
  const loadedTeacher = options.teacher ? loadTeacher(options.teacher, t0) : undefined;
  const out = resolve(options.out);
  const read = options.shards.map((s) => resolve(s)).map((dir) => ({ dir, klass: readShard(dir, t0) }));
  const { kept, problems, fingerprint } = checkShardSet(read, options, t0);
  const entries: BatchEntry[] = [];
  const owner = new Map<string, string>();
  let ids: string[] | undefined;
  let lang: Lang | undefined = options.lang;
  for (const { dir: shard, klass } of kept) {
    const these = klass.exercises.map((e) => e.id);
    if (ids && ids.join(',') !== these.join(',')) throw new UsageError(t0.batch.merge.exercises(shard));
    ids ??= these;
    lang ??= klass.lang;
    for (const row of klass.submissions) {
      if (owner.has(row.name)) throw new UsageError(t0.batch.merge.duplicate(row.name));
      owner.set(row.name, shard);
      if (row.status === 'error' || row.status === 'not-submitted') {
        entries.push(row.status === 'error' ? { name: row.name, status: 'error', message: row.message } : { name: row.name, status: 'not-submitted' });
        continue;
      }
      if (row.status === 'ungradable' && !row.results) {
        entries.push({ name: row.name, status: 'ungradable', problem: row.problem });
        continue;
      }
      const r = readValidated(join(shard, row.name, 'results.json'), validateResult);
      if (!r.ok) throw new UsageError(`${join(shard, row.name, 'results.json')}: ${r.reason === 'missing' ? 'no such file' : r.errors[0]}`);
      entries.push(row.status === 'ungradable' ? { name: row.name, status: 'ungradable', problem: row.problem, result: r.value } : { name: row.name, status: 'graded', result: r.value });
      if (resolve(shard) !== out) copyAtomic(join(shard, row.name), join(out, row.name));
    }
  }
  const exercises = await loadExercises(gradingRoots(options), ids);
  const run = { ...(fingerprint ? { fingerprint } : {}), partial: problems };
  const lms = { ...(options.roster ? { roster: options.roster } : {}), ...(options.canvasAssignments ? { canvasAssignments: options.canvasAssignments } : {}), ...(options.csvLocale ? { csvLocale: options.csvLocale } : {}) };
  const ctx: ReportContext = { lang: lang ?? 'en', exercises, ...lms };
  const names = entries.map((e) => e.name);
  const shardTeacher = kept.find((k) => k.klass.teacher)?.klass.teacher;
  const teacher = loadedTeacher ? planTeacher(loadedTeacher, names, options.roster, exercises) : undefined;
  const merged = teacher ? entries.map((e) => (e.status === 'graded' || (e.status === 'ungradable' && e.result) ? readjustEntry(e, out, ctx, teacher) : e)) : entries;
  // Each shard saw only its part of the class: who did not submit is known once they are together.
  const missing = options.roster?.students.filter((s) => !names.some((n) => findStudent(options.roster, n) === s)) ?? [];
  merged.push(...missing.map((s) => ({ name: s.key, status: 'not-submitted' as const })));
  const files = writeClassOutputs(out, merged, { ...ctx, version: graderVersion(), run, ...(teacher ? { teacher: teacher.record } : shardTeacher ? { teacher: shardTeacher } : {}) });
  return { entries: sortEntries(merged), files, problems, teacherProblems: teacher?.problems ?? [] };
}

/** A merged submission with the teacher's current plan applied again; its results and reports rewritten when that changed them. */
function readjustEntry(e: BatchEntry & { result?: SubmissionResult }, out: string, ctx: ReportContext, teacher: TeacherPlan): BatchEntry {
  const result = readjust(teacher, e.name, e.result!);
  if (JSON.stringify(result) === JSON.stringify(e.result)) return e;
  writeResults(join(out, e.name, 'results.json'), result);
  writeReports(join(out, e.name), result, ctx);
  return { ...e, result } as BatchEntry;
}
