import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { classHtml } from '../../reports/class-html.js';
import { SUBMISSION_REPORTERS } from '../../reports/index.js';
import { similarityPairHtml } from '../../reports/similarity-pair.js';
import { writeFileAtomic } from '../io/write.js';
import { graderVersion } from '../io/package.js';
import type { BatchEntry } from '../model/class-results.js';
import { readClassResults, readSubmissionResults } from '../batch/regrade.js';
import { gradingRoots } from '../load/roots.js';
import { readKeptSources } from '../batch/sources.js';
import { messages } from '../i18n/index.js';
import { loadExercises } from '../load/exercises.js';
import { GraderError, UsageError } from '../model/errors.js';
import type { Exercise } from '../load/exercise.js';
import type { Lang } from '../model/localized.js';
import { SimilarityReportSchema, type SimilarityReport } from '../model/similarity.js';
import { validator } from '../schema/validate.js';
import { analyzeClass, type ClassSources } from './analyze.js';
import { resolveSimilarityOptions, type ResolvedSimilarityOptions, type SimilarityOptions } from './options.js';

export interface RunSimilarityOptions extends SimilarityOptions {
  /** A folder `neurograde batch` wrote (its results.json, and each submission's sources/). */
  readonly out: string;
  /** @default the batch's language */
  readonly lang?: Lang;
  /** A course folder whose exercises/ (and their starter.ts) are added to the grader's own. @default none */
  readonly course?: string;
  /** The course's exercises alone. @default false */
  readonly courseOnly?: boolean;
}

export interface SimilaritySummary {
  readonly report: SimilarityReport;
  /** Files written, absolute paths. */
  readonly files: readonly string[];
}

/** The folder of the flagged pairs' pages, inside the class folder. */
export const PAIRS_DIR = 'similarity';
export const SIMILARITY_FILE = 'similarity.json';

const validateReport = validator(SimilarityReportSchema);

/**
 * Compares a finished batch's submissions (the exercise files batch kept in each
 * `<out>/<name>/sources/`) and writes `similarity.json`, a page per flagged pair under
 * `similarity/`, and index.html again with its similarity section.
 */
export async function runSimilarity(options: RunSimilarityOptions): Promise<SimilaritySummary> {
  const o = resolveSimilarityOptions(options);
  const out = resolve(options.out);
  const klass = readClassResults(out);
  if (!klass) throw new UsageError(messages(options.lang ?? 'en').similarity.notABatch(options.out));
  const lang = options.lang ?? klass.lang;
  const exercises = await loadExercises(gradingRoots(options), klass.exercises.map((e) => e.id));
  const entries = readEntries(out, klass.submissions);
  const sources = collectSources(out, entries, exercises, o);
  const analysis = await analyzeClass(sources, o);
  const report: SimilarityReport = {
    schemaVersion: 1,
    grader: { name: 'neurograde', version: graderVersion() },
    engine: { name: '@dodona/dolos-lib', version: dolosVersion(), kgramLength: o.kgramLength, kgramsInWindow: o.kgramsInWindow },
    ...analysis,
  };
  const paged = withPages(report);
  return { report: paged, files: writeOutputs(out, paged, { lang, exercises, entries, sources, klass }) };
}

/** Numbers the flagged pairs' pages in rank order. */
function withPages(report: SimilarityReport): SimilarityReport {
  let k = 0;
  return { ...report, pairs: report.pairs.map((p) => (p.flagged ? { ...p, page: `${PAIRS_DIR}/pair-${++k}.html` } : p)) };
}

function readEntries(out: string, rows: NonNullable<ReturnType<typeof readClassResults>>['submissions']): BatchEntry[] {
  return rows.map((row): BatchEntry => {
    if (row.status === 'error') return { name: row.name, status: 'error', message: row.message };
    if (row.status === 'ungradable' && !row.results) return { name: row.name, status: 'ungradable', problem: row.problem };
    const result = readSubmissionResults(join(out, row.name));
    if (!result) throw new UsageError(`${join(out, row.name, 'results.json')} is missing or does not match its schema`);
    return row.status === 'ungradable' ? { name: row.name, status: 'ungradable', problem: row.problem, result } : { name: row.name, status: 'graded', result };
  });
}

/** The kept exercise files of every submission the grader could read, and each exercise's starter. */
function collectSources(out: string, entries: readonly BatchEntry[], exercises: readonly Exercise[], o: ResolvedSimilarityOptions): ClassSources {
  const wanted = new Set(exercises.map((e) => e.manifest.file));
  const names = entries.filter((e) => e.status !== 'error').map((e) => e.name).sort();
  const files = new Map<string, Map<number, string>>();
  const skipped: ClassSources['skipped'] = [];
  names.forEach((name, i) => {
    const kept = readKeptSources(join(out, name), o.maxFileBytes);
    for (const file of kept.tooLarge) if (wanted.has(file)) skipped.push({ name, file, reason: 'too-large' });
    for (const [file, text] of kept.files) {
      if (!wanted.has(file)) continue;
      if (!files.has(file)) files.set(file, new Map());
      files.get(file)!.set(i, text);
    }
  });
  const starters = new Map<string, string>();
  for (const e of exercises) {
    const path = join(e.dir, 'starter.ts');
    if (existsSync(path)) starters.set(e.manifest.file, readFileSync(path, 'utf8'));
  }
  return { names, files, starters, skipped };
}

interface WriteContext {
  readonly lang: Lang;
  readonly exercises: readonly Exercise[];
  readonly entries: readonly BatchEntry[];
  readonly sources: ClassSources;
  readonly klass: NonNullable<ReturnType<typeof readClassResults>>;
}

function writeOutputs(out: string, report: SimilarityReport, w: WriteContext): string[] {
  const v = validateReport(report);
  if (!v.ok) throw new GraderError('BAD_RESULTS', `similarity.json would not match its schema:\n  - ${v.errors.join('\n  - ')}`);
  const written: string[] = [];
  const jsonPath = join(out, SIMILARITY_FILE);
  writeFileAtomic(jsonPath, JSON.stringify(report, null, 2) + '\n');
  written.push(jsonPath);
  // Pages of an earlier run would name pairs no longer flagged.
  rmSync(join(out, PAIRS_DIR), { recursive: true, force: true });
  const ctx = { lang: w.lang, exercises: w.exercises };
  const index = new Map(w.sources.names.map((n, i) => [n, i]));
  const textOf = (name: string, file: string): string => w.sources.files.get(file)?.get(index.get(name)!) ?? '';
  const page = similarityPairHtml.compile();
  for (const pair of report.pairs) {
    if (!pair.page) continue;
    const path = join(out, pair.page);
    writeFileAtomic(path, page({ pair, threshold: report.threshold, text: textOf }, ctx));
    written.push(path);
  }
  const indexPath = join(out, classHtml.fileName);
  const submissionFiles = Object.values(SUBMISSION_REPORTERS).map((r) => r.fileName);
  writeFileAtomic(indexPath, classHtml.render({ entries: w.entries, summary: w.klass, submissionFiles, similarity: report }, ctx));
  written.push(indexPath);
  return written;
}

/** The installed Dolos' version (its package exports no package.json: found from its entry). */
function dolosVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@dodona/dolos-lib');
  return (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
}
