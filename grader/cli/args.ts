import { basename, resolve } from 'node:path';
import { UsageError } from '../model/errors.js';
import type { Lang } from '../model/localized.js';
import { parseCourse, parseIsolation, parseLang, parseList, parseSeed } from './options.js';
import type { CourseChoice } from '../load/roots.js';
import type { Isolation } from '../execute/options.js';
import { isSandboxChoice, type SandboxChoice } from '../sandbox/launcher.js';
import { parseCommandLine, SHARED_OPTIONS } from './parse.js';

export interface GradeCommand {
  readonly command: 'grade';
  readonly submission: string;
  readonly out: string;
  readonly exercises?: readonly string[];
  readonly lang: Lang;
  readonly seed?: number;
  /** Where the exercises come from: the bundled ones, plus a course folder's, or the course's alone. */
  readonly course: CourseChoice;
  /** How children are isolated; absent: NEUROGRADE_SANDBOX, else the strongest that works here. */
  readonly sandbox?: SandboxChoice;
  /** A folder with Fashion-MNIST's IDX files: the CNN learning checks train on it instead of MNIST digits. */
  readonly fashionMnist?: string;
  readonly isolation?: Isolation;
  /** With --vary-hidden: the identity mixed into the hidden checks' seed (--submission-id, else the folder's name). */
  readonly varyHidden?: string;
}

/**
 * Each command's synopsis, as typed (the same in every language); `neurograde <command> --help`
 * describes every option it names from grader/i18n (help.option).
 */
export const SYNOPSIS: Readonly<Record<string, readonly string[]>> = {
  grade: [
    'neurograde grade <submission-dir> --out <dir> [--exercises id,id] [--lang fr|en] [--seed N] [--vary-hidden [--submission-id ID]] [--course <dir> [--course-only]] [--sandbox auto|bwrap|unshare|permission|none] [--isolation submission|exercise] [--fashion-mnist <dir>]',
  ],
  batch: [
    'neurograde batch <class-dir> --out <dir> [--jobs N] [--exercises id,id] [--shard i/n] [--lang fr|en] [--seed N] [--vary-hidden] [--force] [--replace] [--inline] [--isolation submission|exercise] [--course <dir> [--course-only]] [--roster roster.csv] [--canvas-ids id=n,...] [--deadline <date> [--late-penalty <% per day>] [--late-cutoff <date>] [--dates <csv>]] [--overrides <json|csv>] [--feedback <dir>] [--csv-locale fr|en] [--similarity [--threshold X] [--common X]]',
  ],
  similarity: [
    'neurograde similarity <graded-dir> [--threshold 0.4|40%] [--common 0.5|50%] [--lang fr|en] [--course <dir> [--course-only]]',
  ],
  merge: [
    'neurograde merge <shard-dir>... --out <dir> [--lang fr|en] [--course <dir> [--course-only]] [--roster roster.csv] [--canvas-ids id=n,...] [--deadline <date> [--late-penalty <% per day>] [--late-cutoff <date>] [--dates <csv>]] [--overrides <json|csv>] [--csv-locale fr|en] [--allow-partial]',
  ],
  feedback: ['neurograde feedback <graded-dir> --out <dir> [--roster roster.csv] [--csv-locale fr|en] [--lang fr|en]'],
  check: [
    'neurograde check [dir] [--out <dir>] [--exercises id,id] [--lang fr|en] [--seed N] [--watch] [--course <dir> [--course-only]]',
  ],
  ci: [
    'neurograde ci [dir] [--min-score X|X%] [--out <dir>] [--mode check|grade] [--exercises id,id] [--lang fr|en] [--course <dir> [--course-only]]',
  ],
  pack: [
    'neurograde pack --out <dir> [--exercises id,id] [--lang fr|en] [--min-score X|X%] [--grader <npm spec>] [--force] [--course <dir> [--course-only]] [--teacher-out <dir>] [--shards N]',
  ],
  classroom: [
    'neurograde classroom fetch --roster roster.csv --out <class-dir> [--record fetch.json] [--git-base <url>]',
    'neurograde classroom post --graded <dir> [--record fetch.json] [--dry-run <dir>] [--lang fr|en]',
  ],
};

/** Parses `grade`'s arguments; bad usage is a UsageError with a one-line message. */
export function parseGrade(argv: readonly string[]): GradeCommand {
  const parsed = parseCommandLine(argv, { options: { ...SHARED_OPTIONS, sandbox: { type: 'string' }, 'fashion-mnist': { type: 'string' }, isolation: { type: 'string' }, 'vary-hidden': { type: 'boolean' }, 'submission-id': { type: 'string' } } });
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('grade takes exactly one submission folder');
  if (values.sandbox !== undefined && !isSandboxChoice(values.sandbox)) {
    throw new UsageError(`--sandbox must be auto, bwrap, unshare, permission or none, not "${values.sandbox}"`);
  }
  if (!values.out) throw new UsageError('grade needs --out <dir>, the folder for results.json and report.html');
  const exercises = parseList(values.exercises);
  const s = parseSeed(values.seed);
  const isolation = parseIsolation(values.isolation);
  const varyHidden = parseVaryHidden(values['vary-hidden'], values['submission-id'], positionals[0]!);
  return {
    command: 'grade',
    submission: positionals[0]!,
    out: values.out,
    lang: parseLang(values.lang),
    ...(exercises ? { exercises } : {}),
    ...(s !== undefined ? { seed: s } : {}),
    course: parseCourse(values),
    ...(values.sandbox !== undefined && isSandboxChoice(values.sandbox) ? { sandbox: values.sandbox } : {}),
    ...(values['fashion-mnist'] ? { fashionMnist: values['fashion-mnist'] } : {}),
    ...(isolation ? { isolation } : {}),
    ...(varyHidden !== undefined ? { varyHidden } : {}),
  };
}

/** `--vary-hidden [--submission-id ID]`: the submission's identity, `--submission-id` or else the folder's name. */
function parseVaryHidden(vary: boolean | undefined, id: string | undefined, folder: string): string | undefined {
  if (id !== undefined && !vary) throw new UsageError('--submission-id goes with --vary-hidden');
  if (!vary) return undefined;
  const name = id ?? basename(resolve(folder));
  if (name.trim() === '') throw new UsageError('--submission-id must not be empty');
  return name;
}
