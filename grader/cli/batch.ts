import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCount, parseCourse, parseIsolation, parseLang, parseList, parseSeed } from './options.js';
import { runBatch } from '../batch/run-batch.js';
import { writeFeedbackBundle } from '../batch/feedback.js';
import { parseShard } from '../batch/shard.js';
import { messages } from '../i18n/index.js';
import { UsageError } from '../model/errors.js';
import { parseCommandLine, SHARED_OPTIONS } from './parse.js';
import { LMS_OPTIONS, lmsOptions, unmatchedLine } from './lms.js';
import { SIMILARITY_OPTIONS, similarityOptions } from './similarity-options.js';
import { parseCsvLocale, TEACHER_OPTIONS, teacherInputs, teacherLines } from './teacher-options.js';

/**
 * `neurograde batch <dir> --out <dir> [--jobs N] [--exercises id,id] [--shard i/n] [--lang fr|en]
 * [--seed N] [--vary-hidden] [--force] [--inline] [--roster roster.csv] [--canvas-ids id=n,...] [--deadline date
 * [--late-penalty %] [--late-cutoff date] [--dates times.csv]] [--overrides file] [--feedback dir] [--csv-locale fr]
 * [--similarity [--threshold X] [--common X]]`: grades a class, applies the teacher's late policy and overrides,
 * writes the feedback bundle, then with --similarity compares its submissions (see `neurograde similarity`). Exit 0 once the batch ran, whatever the
 * grades and even when some submissions could not be graded (they have error rows); 1 only
 * when the grader itself cannot run.
 */
export async function batchCommand(argv: readonly string[], print: (line: string) => void): Promise<number> {
  const parsed = parseCommandLine(argv, { options: { ...SHARED_OPTIONS, jobs: { type: 'string', short: 'j' }, shard: { type: 'string' }, force: { type: 'boolean' }, replace: { type: 'boolean' }, inline: { type: 'boolean' }, isolation: { type: 'string' }, 'vary-hidden': { type: 'boolean' }, ...LMS_OPTIONS, ...TEACHER_OPTIONS, feedback: { type: 'string' }, similarity: { type: 'boolean' }, ...SIMILARITY_OPTIONS } });
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('batch takes exactly one class folder (one sub-folder or .zip per submission)');
  if (!values.out) throw new UsageError('batch needs --out <dir>, the folder for the gradebook and every report');
  const input = resolve(positionals[0]!);
  if (!existsSync(input) || !statSync(input).isDirectory()) throw new UsageError(`${positionals[0]} is not a folder`);
  if (values.similarity && values.shard) throw new UsageError('--similarity compares the whole class: merge the shards, then run neurograde similarity on the merged folder');
  if (!values.similarity && (values.threshold !== undefined || values.common !== undefined)) throw new UsageError('--threshold and --common go with --similarity');
  const similarity = values.similarity ? similarityOptions(values) : undefined;
  const lang = parseLang(values.lang);
  const t = messages(lang);
  const jobs = parseCount(values.jobs, '--jobs');
  const exercises = parseList(values.exercises);
  const seed = parseSeed(values.seed);
  const isolation = parseIsolation(values.isolation);
  const lms = lmsOptions(values);
  const teacher = teacherInputs(values);
  const csv = parseCsvLocale(values['csv-locale']);
  const summary = await runBatch({
    ...lms,
    ...csv,
    ...(teacher ? { teacher } : {}),
    input,
    out: values.out,
    lang,
    ...(jobs ? { jobs } : {}),
    ...(exercises ? { exercises } : {}),
    ...(values.shard ? { shard: parseShard(values.shard) } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(isolation ? { isolation } : {}),
    varyHidden: values['vary-hidden'] ?? false,
    force: values.force ?? false,
    replace: values.replace ?? false,
    workers: values.inline ? 'inline' : 'process',
    ...parseCourse(values),
    progress: {
      write: (s) => process.stderr.write(s),
      tty: process.stderr.isTTY === true,
      ...(process.stderr.columns ? { columns: process.stderr.columns } : {}),
    },
  });
  if (summary.kept.length > 0) print(t.batch.regrade.kept(summary.kept.join(', ')));
  print(t.batch.done(summary.graded.length, summary.cached.length, summary.ungradable.length, summary.errors.length, (summary.durationMs / 1000).toFixed(1)));
  for (const f of summary.files) print(t.batch.wrote(f));
  const unmatched = unmatchedLine(lms.roster, summary.entries.map((e) => e.name), t);
  if (unmatched) print(unmatched);
  for (const line of teacherLines(summary.entries, summary.teacherProblems, t, lang)) print(line);
  if (values.feedback) {
    const bundle = writeFeedbackBundle({ graded: values.out, out: values.feedback, ...(lms.roster ? { roster: lms.roster } : {}), ...csv });
    print(t.teacher.feedback.wrote(bundle.reports, values.feedback));
  }
  if (similarity) await (await import('./similarity.js')).compareClass({ out: values.out, lang, ...parseCourse(values), ...similarity }, print);
  return 0;
}
