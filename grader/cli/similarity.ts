import { performance } from 'node:perf_hooks';
import { parseCourse, parseLang } from './options.js';
import type { CourseChoice } from '../load/roots.js';
import { messages } from '../i18n/index.js';
import { UsageError } from '../model/errors.js';
import type { Lang } from '../model/localized.js';
import { runSimilarity, type SimilaritySummary } from '../similarity/run.js';
import type { SimilarityOptions } from '../similarity/options.js';
import { parseCommandLine } from './parse.js';
import { SIMILARITY_OPTIONS, similarityOptions } from './similarity-options.js';

/** Runs the stage and prints its closing lines. */
export async function compareClass(o: { out: string; lang?: Lang } & CourseChoice & SimilarityOptions, print: (line: string) => void): Promise<SimilaritySummary> {
  const started = performance.now();
  const summary = await runSimilarity(o);
  const t = messages(o.lang ?? 'en');
  const flagged = summary.report.pairs.filter((p) => p.flagged).length;
  print(t.similarity.done(summary.report.pairCount, flagged, ((performance.now() - started) / 1000).toFixed(1)));
  for (const f of summary.files) print(t.batch.wrote(f));
  return summary;
}

/**
 * `neurograde similarity <graded-dir> [--threshold X] [--common X] [--lang fr|en] [--course
 * <dir> [--course-only]]`: compares the submissions of a finished batch (the files batch kept in each
 * `<name>/sources/`). Exit 0 once compared, whatever it found; 2 for bad usage.
 */
export async function similarityCommand(argv: readonly string[], print: (line: string) => void): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { options: { ...SIMILARITY_OPTIONS, lang: { type: 'string' }, course: { type: 'string' }, 'course-only': { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('similarity takes exactly one folder, the --out of a finished batch');
  const lang = values.lang === undefined ? undefined : parseLang(values.lang);
  await compareClass({ out: positionals[0]!, ...(lang ? { lang } : {}), ...parseCourse(values), ...similarityOptions(values) }, print);
  return 0;
}
