import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CLASS_REPORTERS, SUBMISSION_REPORTERS } from '../../reports/index.js';
import type { ReportContext } from '../../reports/types.js';
import { writeResults } from '../io/results-file.js';
import { writeFileAtomic } from '../io/write.js';
import { messages, type Messages } from '../i18n/index.js';
import { problemText } from '../i18n/layout-text.js';
import { loadExercises } from '../load/exercises.js';
import { GraderError } from '../model/errors.js';
import type { Exercise } from '../load/exercise.js';
import type { SubmissionResult } from '../model/results.js';
import { createEnvironment } from '../execute/environment.js';
import type { GradeOptions } from '../execute/options.js';
import { CACHE_FILE, graderFaulted, lookupCache, resultsKey, writeCacheMarker, modelResultsOf, type CacheLookup, type CacheRecord } from './cache.js';
import { discoverSubmissions, type RejectedSource, type SubmissionSource } from './discover.js';
import { graderFingerprint, reportsFingerprint } from './fingerprint.js';
import { hashFile, hashParts, hashTree } from './hash.js';
import type { BatchEntry } from '../model/class-results.js';
import { resolveBatchOptions, type BatchOptions, type ResolvedBatchOptions } from './options.js';
import { inlinePool, processPool, type GradingPool, type JobOutcome } from './pool.js';
import { createProgress, unrunOf, type Progress } from './progress.js';
import { selectShard } from './shard.js';
import { keepGrades, planRegrade, readSubmissionResults, shapeCached, type RegradePlan } from './regrade.js';
import { hasKeptSources, keepSources, readExerciseFiles } from './sources.js';
import { sortEntries, summarizeClass, type RunRecord } from './summary.js';
import { unzipSubmission, type UnzipRefusal } from './unzip.js';
import { graderVersion } from '../io/package.js';
import { gradingRoots } from '../load/roots.js';
import { writeReports } from '../../reports/write.js';
import { mapLimit } from '../execute/map-limit.js';
import { rawResult } from '../score/adjust.js';
import { adjustResult, loadTeacher, planTeacher, type TeacherPlan } from './teacher.js';
import type { TeacherProblem } from '../model/adjustments.js';
import { notSubmitted } from './not-submitted.js';

/** What a batch did, for the CLI's closing lines and the benchmark. */
export interface BatchSummary {
  /** One per submission of the shard, sorted by name. */
  readonly entries: readonly BatchEntry[];
  /** Submissions graded in this run (not taken from the cache). */
  readonly graded: readonly string[];
  readonly cached: readonly string[];
  readonly errors: readonly string[];
  /** Submissions that could not be graded as handed in (empty, unreadable, no expected file), graded now or cached. */
  readonly ungradable: readonly string[];
  /** Wall time of each graded submission, ms. */
  readonly gradingMs: readonly number[];
  readonly durationMs: number;
  /** Class files written, absolute paths. */
  readonly files: readonly string[];
  /** Exercises not graded in this run whose earlier grades every submission kept (see planRegrade). */
  readonly kept: readonly string[];
  /** Lines of the teacher's files that were not applied, and why. */
  readonly teacherProblems: readonly TeacherProblem[];
}

/** Writes one submission's results and reports, then marks the output complete. */
export function writeSubmissionOutput(outDir: string, result: SubmissionResult, ctx: ReportContext, keys: { resultsKey: string; reportsKey: string }): void {
  writeResults(join(outDir, 'results.json'), result);
  writeReports(outDir, result, ctx);
  // A grade produced after a fault of the grader is graded again by the next run.
  if (graderFaulted(result)) rmSync(join(outDir, CACHE_FILE), { force: true });
  else writeCacheMarker(outDir, keys);
}

/** `gradebook.previous.csv` for `gradebook.csv`: where the file's previous content is kept. */
export function previousName(fileName: string): string {
  const ext = extname(fileName);
  return `${basename(fileName, ext)}.previous${ext}`;
}

/**
 * Before a class file that a teacher may need to undo is replaced by different content, its
 * current content goes to `<name>.previous.<ext>`. An identical rewrite keeps the older copy:
 * rerunning a batch never overwrites the one grade sheet that differs.
 */
function keepPrevious(path: string, content: string | Uint8Array): void {
  if (!existsSync(path)) return;
  const old = readFileSync(path);
  if (old.equals(typeof content === 'string' ? Buffer.from(content) : content)) return;
  writeFileAtomic(join(dirname(path), previousName(basename(path))), old);
}

/** Renders every registered class reporter into `out`; returns the paths written. */
export function writeClassOutputs(out: string, entries: readonly BatchEntry[], ctx: ReportContext & { version: string; run?: RunRecord }): string[] {
  const sorted = sortEntries(entries);
  const summary = summarizeClass(sorted, ctx);
  const files: string[] = [];
  for (const reporter of Object.values(CLASS_REPORTERS)) {
    const path = join(out, reporter.fileName);
    const submissionFiles = Object.values(SUBMISSION_REPORTERS).map((r) => r.fileName);
    const content = reporter.render({ entries: sorted, summary, submissionFiles }, ctx);
    if (reporter.keepPrevious) keepPrevious(path, content);
    writeFileAtomic(path, content);
    files.push(path);
  }
  return files;
}

function refusalMessage(t: Messages, r: UnzipRefusal): string {
  const z = t.batch.zip;
  switch (r.reason) {
    case 'path':
      return z.path(r.entry);
    case 'link':
      return z.link(r.entry);
    case 'entries':
      return z.entries(r.limit);
    case 'size':
      return z.size(Math.round(r.limit / (1024 * 1024)));
    case 'ratio':
      return z.ratio(r.entry, r.limit);
    case 'encrypted':
      return z.encrypted(r.entry);
    case 'duplicate':
      return z.duplicate(r.entry);
    case 'corrupt':
      return z.corrupt(r.detail);
  }
}

interface Run {
  readonly o: ResolvedBatchOptions;
  readonly t: Messages;
  readonly out: string;
  readonly ctx: ReportContext;
  readonly fingerprint: string;
  readonly reportsKey: string;
  /** The exercise files kept with each output, for `neurograde similarity`. */
  readonly files: readonly string[];
  readonly progress: Progress | undefined;
  readonly pool: () => Promise<GradingPool>;
  /** Closes the pool if one was started. */
  readonly closePool: () => Promise<void>;
  readonly plan: RegradePlan;
  /** The teacher's late policy and overrides matched with the class; none without teacher controls. */
  readonly teacher: TeacherPlan | undefined;
}

/** A batch before any submission is touched: its exercises loaded, its submissions found, its teacher's files matched, its run described. */
async function prepareRun(o: ResolvedBatchOptions, t: Messages) {
  const input = resolve(o.input);
  const out = resolve(o.out);
  if (!existsSync(input)) throw new GraderError('BAD_CONFIG', t.batch.noInput(o.input));
  // Before anything is graded: a deadline that is no date refuses the batch with every problem at once.
  const loadedTeacher = o.teacher ? loadTeacher(o.teacher, t) : undefined;
  const roots = gradingRoots(o);
  const exercises: Exercise[] = await loadExercises(roots, o.exercises);
  const ids = exercises.map((e) => e.manifest.id);
  const version = graderVersion();
  const plan = await planRegrade({ out, roots, graded: exercises, lang: o.lang, replace: o.replace, t });
  const classFiles = Object.values(CLASS_REPORTERS).flatMap((r) => [r.fileName, previousName(r.fileName)]);
  const discovery = discoverSubmissions(input, { exclude: out, reserved: [...classFiles, 'node_modules'] });
  const sources = selectShard(discovery.sources, o.shard);
  const rejected = selectShard(discovery.rejected, o.shard);
  // Matched against the whole class, not the shard: a line naming another shard's student is no problem.
  const teacher = loadedTeacher ? planTeacher(loadedTeacher, discovery.sources.map((s) => s.name), o.roster, plan.exercises) : undefined;
  const gradeOptions: GradeOptions = { lang: o.lang, seed: o.seed, mode: 'grade', concurrency: o.exerciseConcurrency, isolation: o.isolation };
  const fingerprint = graderFingerprint(roots, { exercises: ids, lang: o.lang, seed: o.seed, mode: 'grade', ...(o.varyHidden ? { varyHidden: true } : {}) }, version);
  let pool: Promise<GradingPool> | undefined;
  const run: Run = {
    o,
    t,
    out,
    ctx: reportContext(o, plan, teacher),
    fingerprint,
    plan,
    teacher,
    reportsKey: reportsFingerprint(o.lang),
    files: exercises.map((e) => e.manifest.file),
    progress: o.progress ? createProgress({ total: sources.length + rejected.length, t, lang: o.lang, ...o.progress }) : undefined,
    // Started on the first submission that is not cached: a fully cached rerun spawns nothing.
    pool: () =>
      (pool ??=
        o.workers === 'inline'
          ? createEnvironment({ only: ids, roots, modelResults: modelResultsOf(out, fingerprint) }).then((env) => inlinePool(env, o.jobs, gradeOptions))
          : processPool({ size: o.jobs, init: { only: ids, roots, options: gradeOptions, modelResults: modelResultsOf(out, fingerprint) }, died: t.batch.workerDied, timeoutMs: o.submissionTimeoutMs })),
    closePool: async () => {
      if (pool) await (await pool.catch(() => undefined))?.close();
    },
  };
  return { run, sources, rejected, discovery, version };
}

/** The batch's rows as they come, and which submissions were graded, taken from cache or ungradable. */
class Tally {
  readonly graded: string[] = [];
  readonly cached: string[] = [];
  readonly ungradable: string[] = [];
  readonly gradingMs: number[] = [];

  constructor(
    private readonly run: Run,
    readonly entries: BatchEntry[],
  ) {}

  record(source: SubmissionSource, outcome: Outcome): void {
    const { progress, t } = this.run;
    this.entries.push(outcome.entry);
    if (outcome.entry.status === 'error') {
      progress?.tick({ name: source.name, status: 'error', message: outcome.entry.message });
      return;
    }
    if (outcome.entry.status === 'ungradable') {
      this.ungradable.push(source.name);
      progress?.tick({ name: source.name, status: 'error', message: problemText(t, outcome.entry.problem) });
      return;
    }
    if (outcome.entry.status !== 'graded') return;
    const { score, maxScore } = outcome.entry.result;
    if (outcome.cached) this.cached.push(source.name);
    else {
      this.graded.push(source.name);
      this.gradingMs.push(outcome.ms);
    }
    progress?.tick({ name: source.name, status: outcome.cached ? 'cached' : 'graded', score, maxScore, durationMs: outcome.ms, unrun: unrunOf(outcome.entry.result) });
  }
}

/**
 * Grades every source, `jobs` at a time. A job slot is held while a submission is graded, not
 * while its files are written: the next submission goes to the worker first, and this one's
 * reports are rendered here while it grades (the worker would otherwise wait for them, about
 * 40 ms a submission).
 */
async function gradeAll(run: Run, sources: readonly SubmissionSource[], tally: Tally): Promise<void> {
  const writing: Promise<void>[] = [];
  await mapLimit(sources, run.o.jobs, async (source) => {
    const graded = await gradeOne(run, source);
    if (!('write' in graded)) return tally.record(source, graded);
    const written = new Promise<void>((done, fail) =>
      setImmediate(() => {
        try {
          done(tally.record(source, graded.write()));
        } catch (e) {
          fail(e);
        }
      }),
    );
    // Awaited below, with the others; a fault of the output folder then ends the batch.
    written.catch(() => undefined);
    writing.push(written);
  });
  await Promise.all(writing);
}

/**
 * Grades a class: every sub-folder or zip of `input` (or one shard of them), `jobs` at a time,
 * each written to `<out>/<name>/` as soon as it is graded, then the class files. A submission
 * whose content, exercises and grader did not change since its output was written is taken from
 * that output. A fault on one submission is that submission's error row; only a fault of the
 * grader itself (its exercises do not load, `out` cannot be written) throws.
 */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const o = resolveBatchOptions(options);
  const { run, sources, rejected, discovery, version } = await prepareRun(o, messages(o.lang));
  const entries: BatchEntry[] = rejectedEntries(run, rejected);
  // A shard cannot tell who submitted to another shard: merge adds the roster's missing students.
  if (!o.shard) entries.push(...notSubmitted(o.roster, discovery));
  const tally = new Tally(run, entries);
  try {
    await gradeAll(run, sources, tally);
  } finally {
    run.progress?.finish();
    await run.closePool();
  }
  const files = writeClassOutputs(run.out, entries, { ...run.ctx, version, run: { fingerprint: run.fingerprint, ...(o.shard ? { shard: o.shard } : {}) } });
  const sorted = sortEntries(entries);
  const errors = sorted.filter((e) => e.status === 'error').map((e) => e.name);
  const durationMs = Math.round(performance.now() - started);
  const { graded, cached, ungradable, gradingMs } = tally;
  return { entries: sorted, graded: graded.sort(), cached: cached.sort(), errors, ungradable: ungradable.sort(), gradingMs, durationMs, files, kept: run.plan.kept, teacherProblems: run.teacher?.problems ?? [] };
}

type Outcome = { entry: BatchEntry; cached: boolean; ms: number };

/** What every reporter of this batch reads besides the results: the exercises, the LMS options, the teacher's record. */
function reportContext(o: ResolvedBatchOptions, plan: RegradePlan, teacher: TeacherPlan | undefined): ReportContext {
  return {
    lang: o.lang,
    exercises: plan.exercises,
    ...(o.roster ? { roster: o.roster } : {}),
    ...(o.canvasAssignments ? { canvasAssignments: o.canvasAssignments } : {}),
    ...(o.csvLocale ? { csvLocale: o.csvLocale } : {}),
    ...(teacher ? { teacher: teacher.record } : {}),
  };
}

/** The error rows of sources discovery refused (a zip named like a folder...), each ticked on the progress bar. */
function rejectedEntries(run: Run, rejected: readonly RejectedSource[]): BatchEntry[] {
  return rejected.map((r) => {
    const message = r.reason === 'case-clash' ? run.t.batch.rejected[r.reason](r.name, r.other ?? '') : run.t.batch.rejected[r.reason](r.name);
    run.progress?.tick({ name: r.name, status: 'error', message });
    return { name: r.name, status: 'error', message };
  });
}

/**
 * A submission taken from its complete output: the grader's scores in it, with today's
 * teacher's files applied to them; its files rewritten only when that changed something.
 */
async function fromCache(run: Run, source: SubmissionSource, hit: Extract<CacheLookup, { hit: 'results' }>, keys: CacheRecord, error: (message: string) => Outcome): Promise<Outcome> {
  const started = performance.now();
  const outDir = join(run.out, source.name);
  const result = await adjustResult(run.teacher, source, shapeCached(rawResult(hit.result), run.plan));
  const reportsThere = Object.values(SUBMISSION_REPORTERS).every((r) => existsSync(join(outDir, r.fileName)));
  try {
    if (JSON.stringify(result) !== JSON.stringify(hit.result)) writeSubmissionOutput(outDir, result, run.ctx, keys);
    else if (!hit.reportsCurrent || !reportsThere) {
      writeReports(outDir, result, run.ctx);
      writeCacheMarker(outDir, keys);
    }
  } catch (e) {
    return error(run.t.batch.graderFault((e as Error).message));
  }
  // An output from before sources were kept: a folder's files can still be taken.
  if (source.kind === 'dir' && !hasKeptSources(outDir)) keepSources(outDir, readExerciseFiles(source.path, run.files), run.files);
  return { entry: entryOf(source.name, result), cached: true, ms: performance.now() - started };
}

/** A graded submission's row: graded, or ungradable as handed in when its result says so. */
function entryOf(name: string, result: SubmissionResult): BatchEntry {
  return result.status === 'ungradable' && result.problem ? { name, status: 'ungradable', problem: result.problem, result } : { name, status: 'graded', result };
}

/** A submission's cache keys. With varyHidden its hidden cases hang on its name: a result is never reused for another. */
function cacheKeys(run: Run, name: string, contentHash: string): CacheRecord {
  const gradedWith = run.o.varyHidden ? hashParts([run.fingerprint, 'vary-hidden', name]) : run.fingerprint;
  return { resultsKey: resultsKey(contentHash, gradedWith), reportsKey: run.reportsKey };
}

/** A submission's outcome, or, once graded, the writing of its files that yields the outcome. */
async function gradeOne(run: Run, source: SubmissionSource): Promise<Outcome | { write: () => Outcome }> {
  const started = performance.now();
  const outDir = join(run.out, source.name);
  const error = (message: string): Outcome => {
    // A stale marker must not let a later run take old files for this submission's grade.
    rmSync(join(outDir, CACHE_FILE), { force: true });
    return { entry: { name: source.name, status: 'error', message }, cached: false, ms: performance.now() - started };
  };
  let contentHash: string;
  try {
    contentHash = source.kind === 'zip' ? hashFile(source.path) : hashTree(source.path, { skip: (rel) => rel === '.neurograde' });
  } catch (e) {
    rmSync(join(outDir, CACHE_FILE), { force: true });
    const detail = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { entry: { name: source.name, status: 'ungradable', problem: { code: 'unreadable', detail } }, cached: false, ms: performance.now() - started };
  }
  const keys = cacheKeys(run, source.name, contentHash);
  if (!run.o.force) {
    const hit = lookupCache(outDir, keys);
    if (hit.hit === 'results') return fromCache(run, source, hit, keys, error);
  }

  let scratch: string | undefined;
  try {
    let dir = source.path;
    if (source.kind === 'zip') {
      scratch = mkdtempSync(join(tmpdir(), 'neurograde-zip-'));
      const unzipped = await unzipSubmission(source.path, join(scratch, source.name), run.o.unzipLimits);
      if (!unzipped.ok) return error(refusalMessage(run.t, unzipped));
      dir = unzipped.root;
    }
    // Read now: a zip's folder is gone by the time the outputs are written.
    const kept = readExerciseFiles(dir, run.files);
    const pool = await run.pool();
    const outcome: JobOutcome = await pool.grade(dir, run.o.varyHidden ? source.name : undefined);
    if (!outcome.ok) return error(run.t.batch.graderFault(outcome.message));
    // The grade belongs to the student's name, not to the folder a zip unpacked to; the
    // exercises not graded now keep the grades this output folder held.
    const fresh: SubmissionResult = { ...outcome.result, submission: source.name };
    const previous = run.plan.kept.length > 0 ? readSubmissionResults(outDir) : undefined;
    const result = await adjustResult(run.teacher, source, keepGrades(fresh, previous && rawResult(previous), run.plan));
    const ms = performance.now() - started;
    return {
      write: () => {
        try {
          keepSources(outDir, kept, run.files);
          writeSubmissionOutput(outDir, result, run.ctx, keys);
        } catch (e) {
          // The output folder cannot be written: a fault of the grader's setup, for the whole batch.
          if ((e as NodeJS.ErrnoException).syscall !== undefined) throw e;
          if (e instanceof GraderError && e.code !== 'BAD_RESULTS') throw e;
          return error(run.t.batch.graderFault((e as Error).message));
        }
        return { entry: entryOf(source.name, result), cached: false, ms };
      },
    };
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
