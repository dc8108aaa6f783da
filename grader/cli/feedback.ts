import { writeFeedbackBundle } from '../batch/feedback.js';
import { messages } from '../i18n/index.js';
import { readRoster } from '../io/roster.js';
import { UsageError } from '../model/errors.js';
import { parseLang } from './options.js';
import { parseCommandLine } from './parse.js';
import { parseCsvLocale } from './teacher-options.js';

/**
 * `neurograde feedback <graded-dir> --out <dir> [--roster roster.csv] [--csv-locale fr]`: the
 * per-student feedback bundle of a graded class (each student's report.html named after the
 * student, and feedback.csv for a mail merge). `batch --feedback <dir>` writes the same.
 */
export async function feedbackCommand(argv: readonly string[], print: (line: string) => void): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { options: { out: { type: 'string', short: 'o' }, roster: { type: 'string' }, 'csv-locale': { type: 'string' }, lang: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('feedback takes exactly one graded class folder (the --out of batch or merge)');
  if (!values.out) throw new UsageError('feedback needs --out <dir>, the folder for the bundle');
  const t = messages(parseLang(values.lang));
  const bundle = writeFeedbackBundle({ graded: positionals[0]!, out: values.out, ...(values.roster ? { roster: readRoster(values.roster) } : {}), ...parseCsvLocale(values['csv-locale']) });
  print(t.teacher.feedback.wrote(bundle.reports, values.out));
  print(t.batch.wrote(bundle.csv));
  return 0;
}
