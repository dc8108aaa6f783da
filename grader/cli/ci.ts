import { appendFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { courseSources, parseCourse, parseLang, parseList, parseMinScore, parseSeed } from './options.js';
import { messages } from '../i18n/index.js';
import { formatPercent, formatScore } from '../i18n/score.js';
import { UsageError } from '../model/errors.js';
import { annotationsFor, formatAnnotation, limitAnnotations, MAX_ANNOTATIONS } from '../pack/annotations.js';
import { createEnvironment } from '../execute/environment.js';
import { resolveGradeOptions } from '../execute/options.js';
import { markdown } from '../../reports/markdown.js';
import { checkOnce, type CheckTarget } from './check.js';
import { summaryTable } from './table.js';
import { parseCommandLine, SHARED_OPTIONS } from './parse.js';
import { packLang } from './pack-lang.js';
import { formatMin, minPoints } from '../score/min-score.js';

/**
 * `neurograde ci [dir] [--min-score X|X%] [--out <dir>] [--exercises id,id] [--lang fr|en]
 * [--mode check|grade]`: the grading step of a student repository's workflow. Writes the
 * reports, appends the Markdown summary to `$GITHUB_STEP_SUMMARY` when set, prints at most ten
 * `::error` annotations (one per exercise, on the line at fault; the rest counted in the summary), and exits 1 below the minimum
 * score (0 otherwise; 2 for bad usage).
 */
export async function ciCommand(argv: readonly string[], print: (line: string) => void): Promise<number> {
  const parsed = parseCommandLine(argv, { options: { ...SHARED_OPTIONS, 'min-score': { type: 'string' }, mode: { type: 'string' } } });
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError('ci takes at most one folder (default: the current one)');
  const dir = resolve(positionals[0] ?? '.');
  const lang = parseLang(values.lang, packLang(dir));
  const t = messages(lang);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(t.batch.check.notFolder(positionals[0] ?? '.'));
  const mode = values.mode ?? 'check';
  if (mode !== 'check' && mode !== 'grade') throw new UsageError(`--mode must be check or grade, not "${mode}"`);
  const min = parseMinScore(values['min-score']);
  const exercises = parseList(values.exercises);
  const seed = parseSeed(values.seed) ?? resolveGradeOptions().seed;
  const env = await createEnvironment({ ...(exercises ? { only: exercises } : {}), ...courseSources(parseCourse(values)) });
  const target: CheckTarget = { env, dir, out: resolve(values.out ?? join(dir, '.neurograde')), lang, mode, seed };
  const result = await checkOnce(target);

  // The score in the minimum's own unit: a percentage against a percentage, points against points.
  const fmt = (x: number): string => formatScore(x, lang);
  const score = min?.kind === 'percent' ? `${formatPercent(result.score, result.maxScore, lang)}% (${fmt(result.score)} / ${fmt(result.maxScore)})` : fmt(result.score);
  const passed = min === undefined || result.score + 1e-9 >= minPoints(min, result.maxScore);
  const verdict = min === undefined ? undefined : passed ? t.batch.ci.reached(score, formatMin(min)) : t.batch.ci.belowMin(score, formatMin(min));
  const annotations = await annotationsFor(result, {
    submissionDir: dir,
    root: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    exercises: env.exercises,
    seed,
    title: t.batch.ci.annotationTitle,
  });
  const { shown, hidden } = limitAnnotations(annotations, { max: MAX_ANNOTATIONS, exerciseOf: (a) => a.exercise ?? a.title, others: t.batch.ci.othersInExercise });
  const summaryPath = process.env.GITHUB_STEP_SUMMARY;
  if (summaryPath) {
    const md = markdown.render(result, { lang, exercises: env.exercises });
    const more = hidden > 0 ? `\n${t.batch.ci.moreProblems(hidden)}\n` : '';
    appendFileSync(summaryPath, `${String(md)}${more}${verdict ? `\n${passed ? '✅' : '❌'} ${verdict}\n` : ''}\n`);
  }
  for (const a of shown) print(formatAnnotation(a));
  print(summaryTable(result, t));
  print(t.cli.wrote(join(target.out, 'results.json')));
  if (summaryPath) print(t.batch.ci.summaryWritten(summaryPath));
  if (verdict) print(verdict);
  return passed ? 0 : 1;
}
