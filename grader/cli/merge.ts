import { parseCourse } from './options.js';
import { mergeShards } from '../batch/merge.js';
import { shardProblemText } from '../../reports/shard-problems.js';
import { messages } from '../i18n/index.js';
import { UsageError } from '../model/errors.js';
import { isLang } from '../model/localized.js';
import { parseCommandLine } from './parse.js';
import { LMS_OPTIONS, lmsOptions, unmatchedLine } from './lms.js';
import { parseCsvLocale, TEACHER_OPTIONS, teacherInputs, teacherLines } from './teacher-options.js';

/**
 * `neurograde merge <shard-dir>... --out <dir> [--lang fr|en] [--allow-partial]`: combines sharded
 * batch outputs. A set that is not every shard of one split, graded alike, is refused (exit 2,
 * naming the shards at fault) unless `--allow-partial`, which merges it and marks it partial.
 */
export async function mergeCommand(argv: readonly string[], print: (line: string) => void): Promise<number> {
  const parsed = parseCommandLine(argv, { options: { out: { type: 'string', short: 'o' }, lang: { type: 'string' }, course: { type: 'string' }, 'course-only': { type: 'boolean' }, 'allow-partial': { type: 'boolean' }, ...LMS_OPTIONS, ...TEACHER_OPTIONS } });
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('merge takes the output folders of the shards to combine');
  if (!values.out) throw new UsageError('merge needs --out <dir>');
  if (values.lang !== undefined && !isLang(values.lang)) throw new UsageError(`--lang must be fr or en, not "${values.lang}"`);
  const lang = values.lang !== undefined && isLang(values.lang) ? values.lang : undefined;
  const lms = lmsOptions(values);
  const teacher = teacherInputs(values);
  const summary = await mergeShards({ ...lms, ...parseCsvLocale(values['csv-locale']), ...(teacher ? { teacher } : {}), shards: positionals, out: values.out, ...(lang ? { lang } : {}), ...parseCourse(values), allowPartial: values['allow-partial'] ?? false });
  const t = messages(lang ?? 'en');
  print(t.batch.merge.merged(summary.entries.length, positionals.length));
  if (summary.problems.length > 0) print(t.batch.merge.partial(summary.problems.map((p) => shardProblemText(t, p)).join(' ')));
  for (const f of summary.files) print(t.batch.wrote(f));
  const unmatched = unmatchedLine(lms.roster, summary.entries.map((e) => e.name), t);
  if (unmatched) print(unmatched);
  for (const line of teacherLines(summary.entries, summary.teacherProblems, t, lang ?? 'en')) print(line);
  return 0;
}
