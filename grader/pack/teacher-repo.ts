import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { messages } from '../i18n/index.js';
import { PACKAGE_ROOT } from '../io/package.js';
import { writeFileAtomic } from '../io/write.js';
import { GraderError, UsageError } from '../model/errors.js';
import type { Lang } from '../model/localized.js';

/** What the teacher's grading repository is made for. */
export interface TeacherRepoOptions {
  readonly out: string;
  readonly lang: Lang;
  /** Shards of the grading matrix. @default 4 */
  readonly shards?: number;
  /** When the class is graded (cron, UTC). @default '0 5 * * *', every day at 05:00 */
  readonly cron?: string;
  /** Only these exercises. @default every exercise */
  readonly exercises?: readonly string[];
  /** A course folder with its own exercises/ and reference/, copied into the repository and added to the grader's own. @default none */
  readonly course?: string;
  /** The workflow grades the course's exercises alone (`--course-only`). @default false */
  readonly courseOnly?: boolean;
  /** The npm spec the repository installs the grader from. @default the full grader packed into vendor/ */
  readonly grader?: string;
  /** Write into a folder that already has files. @default false */
  readonly force?: boolean;
}

const TEMPLATES = join(PACKAGE_ROOT, 'grader', 'pack', 'template');

/** The full grader, references and hidden checks included, as an npm tarball: for a private repository only. */
function packFullGrader(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const npm = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  if (npm.status !== 0) throw new GraderError('PACK_FAILED', `npm pack of the grader failed (exit ${npm.status ?? npm.signal}): ${(npm.stderr || npm.error?.message || '').trim().slice(0, 2000)}`);
  return (JSON.parse(npm.stdout) as { filename: string }[])[0]!.filename;
}

function readme(o: Required<Pick<TeacherRepoOptions, 'shards' | 'cron'>>, lang: Lang): string {
  const r = messages(lang).batch.pack.teacher;
  return [
    `# ${r.title}`, '', r.intro, '',
    `## ${r.setup}`, '', ...r.steps.map((s, i) => `${i + 1}. ${s}`), '',
    `## ${r.runs}`, '', r.schedule(o.cron, o.shards), '', r.outputs, '', r.dryRun, '',
  ].join('\n');
}

/**
 * Writes the teacher's grading repository: a workflow that fetches every student's repository
 * listed in roster.csv, grades the class with every check in a matrix of shards, merges, uploads
 * the gradebooks and reports, and posts each grade on the student's pull request; the full
 * grader as a tarball in vendor/ (it holds the references: the repository must stay private).
 * Hidden grading never runs in a repository a student can edit.
 */
export function writeTeacherRepo(options: TeacherRepoOptions): string[] {
  const t = messages(options.lang);
  const out = resolve(options.out);
  if (existsSync(out) && readdirSync(out).length > 0 && !options.force) throw new UsageError(t.batch.pack.notEmpty(options.out));
  const shards = options.shards ?? 4;
  if (!Number.isInteger(shards) || shards < 1 || shards > 64) throw new UsageError(`--shards must be a whole number from 1 to 64, not ${shards}`);
  const cron = options.cron ?? '0 5 * * *';
  const files = new Map<string, string>();
  const courseArg = options.course ? ` --course course${options.courseOnly ? ' --course-only' : ''}` : '';
  const exercisesArg = options.exercises ? ` --exercises ${options.exercises.join(',')}` : '';
  const workflow = readFileSync(join(TEMPLATES, 'grade-class.yml.tmpl'), 'utf8')
    .replace('__CRON__', cron)
    .replace('__SHARD_LIST__', Array.from({ length: shards }, (_, i) => String(i + 1)).join(', '))
    .replace(/__SHARDS__/g, String(shards))
    .replace(/__LANG__/g, options.lang)
    .replace('__EXERCISES__', exercisesArg)
    .replace(/__COURSE__/g, courseArg);
  files.set('.github/workflows/grade-class.yml', workflow);
  const vendor = options.grader ? undefined : packFullGrader(join(out, 'vendor'));
  files.set(
    'package.json',
    JSON.stringify({ name: 'class-grading', private: true, type: 'module', devDependencies: { neurograde: options.grader ?? `file:vendor/${vendor}` }, engines: { node: '>=20.10' } }, null, 2) + '\n',
  );
  files.set('roster.csv', 'github,repository,username,email,student_id,name,section\n');
  files.set('.gitignore', 'node_modules/\nclass/\ngraded*/\nshards/\nfeedback/\nfetch.json\n');
  files.set('README.md', readme({ shards, cron }, options.lang));
  if (options.course) cpSync(resolve(options.course), join(out, 'course'), { recursive: true, filter: (src) => !src.includes('node_modules') });
  for (const [rel, content] of files) writeFileAtomic(join(out, rel), content);
  return [...files.keys(), ...(vendor ? [`vendor/${vendor}`] : [])].sort();
}
