import { existsSync, statSync, watch as fsWatch } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { courseSources, parseCourse, parseLang, parseList, parseSeed } from './options.js';
import { messages, type Messages } from '../i18n/index.js';
import { UsageError } from '../model/errors.js';
import type { Lang } from '../model/localized.js';
import type { SubmissionResult } from '../model/results.js';
import { createEnvironment } from '../execute/environment.js';
import type { Ahead } from './ahead.js';
import { gradeSubmission, type GradingEnvironment } from '../execute/grade-submission.js';
import { annotationsFor } from '../pack/annotations.js';
import { resolveGradeOptions } from '../execute/options.js';
import { failureReport, locationKey, styleFor, type Locations } from './failures.js';
import { writeResults } from '../io/results-file.js';
import { summaryTable } from './table.js';
import { parseCommandLine, SHARED_OPTIONS } from './parse.js';
import { packLang } from './pack-lang.js';
import { checkModelResults, userCacheDir } from './check-cache.js';

/** One student's folder, checked with the public checks, its results written to `out`. */
export interface CheckTarget {
  readonly env: GradingEnvironment;
  readonly dir: string;
  readonly out: string;
  readonly lang: Lang;
  readonly mode: 'check' | 'grade';
  readonly seed?: number;
}

/** Grades once and writes results.json and every submission report into `out`. */
export async function checkOnce(target: CheckTarget): Promise<SubmissionResult> {
  // The reporters (Handlebars, the views) load while the children work.
  const reporting = import('../../reports/write.js');
  const result = await gradeSubmission(target.env, target.dir, {
    mode: target.mode,
    lang: target.lang,
    ...(target.seed !== undefined ? { seed: target.seed } : {}),
  });
  writeResults(join(target.out, 'results.json'), result);
  (await reporting).writeReports(target.out, result, { lang: target.lang, exercises: target.env.exercises });
  return result;
}

/** file:line of every check that did not pass: the student's frame, or the export it calls. */
async function locate(result: SubmissionResult, target: CheckTarget): Promise<Locations> {
  const annotations = await annotationsFor(result, {
    submissionDir: target.dir,
    root: target.dir,
    exercises: target.env.exercises,
    seed: target.seed ?? resolveGradeOptions().seed,
    title: locationKey,
  });
  const out = new Map<string, { file: string; line: number }>();
  for (const a of annotations) if (a.file !== undefined && a.line !== undefined) out.set(a.title, { file: join(target.dir, a.file), line: a.line });
  return out;
}

async function printResult(result: SubmissionResult, target: CheckTarget, t: Messages, print: (line: string) => void): Promise<void> {
  const style = styleFor(process.stdout);
  const report = join(target.out, 'report.html');
  const links = existsSync(report) ? { report } : {};
  for (const line of failureReport(result, { t, style, locations: await locate(result, target), submissionDir: target.dir, ...links })) print(line);
  if (result.exercises.some((e) => e.checks.some((c) => c.status !== 'passed'))) print('');
  print(summaryTable(result, t));
  print(t.cli.wrote(join(target.out, 'results.json')));
  if (existsSync(report)) print(t.diagnose.report(pathToFileURL(report).href));
}

/**
 * Checks again on every save of a `.ts` file of the folder, until `signal` aborts. Saves are
 * debounced (editors write a file in several steps), and a save during a check queues exactly
 * one more check.
 */
export async function watchFolder(
  target: CheckTarget,
  print: (line: string) => void,
  signal: AbortSignal,
  options: { readonly debounceMs?: number } = {},
): Promise<void> {
  const t = messages(target.lang);
  const debounceMs = options.debounceMs ?? 150;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let changed = '';
  const runCheck = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        if (changed) print(t.batch.check.regrading(changed));
        try {
          await printResult(await checkOnce(target), target, t, print);
        } catch (e) {
          print(`neurograde: ${(e as Error).message}`);
        }
      } while (again && !signal.aborted);
      running = undefined;
    })();
  };
  const watcher = fsWatch(target.dir, (_event, filename) => {
    if (!filename || !String(filename).endsWith('.ts')) return;
    changed = String(filename);
    clearTimeout(timer);
    timer = setTimeout(runCheck, debounceMs);
  });
  print(t.batch.check.watching(target.dir));
  runCheck();
  await new Promise<void>((res) => {
    if (signal.aborted) return res();
    signal.addEventListener('abort', () => res(), { once: true });
  });
  clearTimeout(timer);
  watcher.close();
  await running;
  print(t.batch.check.stopped);
}

/**
 * `neurograde check [dir] [--out <dir>] [--exercises id,id] [--lang fr|en] [--watch]`: the
 * student's command. Public checks only, the summary table, results.json and report.html in
 * `--out` (default `<dir>/.neurograde/`). `--watch` checks again on every save until Ctrl+C.
 */
export async function checkCommand(argv: readonly string[], print: (line: string) => void, ahead: Ahead = {}): Promise<number> {
  const parsed = parseCommandLine(argv, { options: { ...SHARED_OPTIONS, watch: { type: 'boolean', short: 'w' } } });
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError('check takes at most one folder (default: the current one)');
  const dir = resolve(positionals[0] ?? '.');
  const lang = parseLang(values.lang, packLang(dir));
  const t = messages(lang);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(t.batch.check.notFolder(positionals[0] ?? '.'));
  const exercises = parseList(values.exercises);
  const seed = parseSeed(values.seed);
  const sources = courseSources(parseCourse(values));
  // The first children boot while the exercises' modules load (see EnvironmentOptions.earlyChildren).
  const earlyChildren = { mode: 'check', lang, ...(seed !== undefined ? { seed } : {}) } as const;
  const env = await createEnvironment({ ...(exercises ? { only: exercises } : {}), ...sources, modelResults: checkModelResults(sources.roots), launcherCache: userCacheDir(), earlyChildren, ...(ahead.bundler ? { bundler: ahead.bundler } : {}) });
  const target: CheckTarget = { env, dir, out: resolve(values.out ?? join(dir, '.neurograde')), lang, mode: 'check', ...(seed !== undefined ? { seed } : {}) };
  if (!values.watch) {
    const result = await checkOnce(target).finally(() => env.spareChildren?.close());
    await printResult(result, target, t, print);
    return 0;
  }
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await watchFolder(target, print, stop.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    env.spareChildren?.close();
  }
  return 0;
}
