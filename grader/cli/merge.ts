import { mergeShards } from '../batch/merge.js';
import { messages } from '../i18n/index.js';
import { UsageError } from '../model/errors.js';
import { isLang } from '../model/localized.js';
import { parseCommandLine } from './parse.js';

/** `neurograde merge <shard-dir>... --out <dir> [--lang fr|en]`: combines sharded batch outputs. */
export async function mergeCommand(argv: readonly string[], print: (line: string) => void): Promise<number> {
  const parsed = parseCommandLine(argv, { options: { out: { type: 'string', short: 'o' }, lang: { type: 'string' }, course: { type: 'string' } } });
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('merge takes the output folders of the shards to combine');
  if (!values.out) throw new UsageError('merge needs --out <dir>');
  if (values.lang !== undefined && !isLang(values.lang)) throw new UsageError(`--lang must be fr or en, not "${values.lang}"`);
  const lang = values.lang !== undefined && isLang(values.lang) ? values.lang : undefined;
  const summary = await mergeShards({ shards: positionals, out: values.out, ...(lang ? { lang } : {}), ...(values.course ? { course: values.course } : {}) });
  const t = messages(lang ?? 'en');
  print(t.batch.merge.merged(summary.entries.length, positionals.length));
  for (const f of summary.files) print(t.batch.wrote(f));
  return 0;
}
