import { parseCount, parseCourse, parseList, parseMinScore } from './options.js';
import { messages } from '../i18n/index.js';
import { UsageError } from '../model/errors.js';
import { isLang } from '../model/localized.js';
import { buildPack } from '../pack/build-pack.js';
import { parseCommandLine } from './parse.js';

/**
 * `neurograde pack --out <dir> [--exercises id,id] [--lang fr|en] [--min-score X|X%]
 * [--grader <npm spec>] [--force] [--teacher-out <dir>] [--shards N]`: writes the students' starter
 * repository and the teacher's private grading repository.
 */
export async function packCommand(argv: readonly string[], print: (line: string) => void): Promise<number> {
  const parsed = parseCommandLine(argv, { options: { out: { type: 'string', short: 'o' }, exercises: { type: 'string', short: 'e' }, lang: { type: 'string' }, 'min-score': { type: 'string' }, grader: { type: 'string' }, force: { type: 'boolean' }, course: { type: 'string' }, 'course-only': { type: 'boolean' }, 'teacher-out': { type: 'string' }, shards: { type: 'string' } }, positionals: false });
  const { values } = parsed;
  if (!values.out) throw new UsageError('pack needs --out <dir>, the folder of the student repository');
  const lang = values.lang ?? 'fr';
  if (!isLang(lang)) throw new UsageError(`--lang must be fr or en, not "${lang}"`);
  const exercises = parseList(values.exercises);
  const min = parseMinScore(values['min-score']);
  const summary = await buildPack({
    out: values.out,
    lang,
    force: values.force ?? false,
    ...(exercises ? { exercises } : {}),
    ...(min ? { minScore: min } : {}),
    ...(values.grader ? { grader: values.grader } : {}),
    ...parseCourse(values),
    ...(values['teacher-out'] ? { teacherOut: values['teacher-out'] } : {}),
    ...(values.shards ? { shards: parseCount(values.shards, '--shards') ?? 4 } : {}),
  });
  print(messages(lang).batch.pack.wrote(values.out, summary.exercises, summary.cases));
  print(messages(lang).batch.pack.wroteTeacher(summary.teacher.dir));
  return 0;
}
