import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../io/write.js';
import { messages } from '../i18n/index.js';
import { loadExercises } from '../load/exercises.js';
import { UsageError } from '../model/errors.js';
import type { Exercise } from '../load/exercise.js';
import type { Lang } from '../model/localized.js';
import type { PublicCourse } from '../model/public-course.js';
import { resolveGradeOptions } from '../execute/options.js';
import { publicCases } from './public-cases.js';
import { publicCourse } from './public-course.js';
import { writeStudentPackage } from './student-package.js';
import { writeTeacherRepo } from './teacher-repo.js';
import { graderVersion, PACKAGE_ROOT } from '../io/package.js';
import { gradingRoots } from '../load/roots.js';
import { formatMin, type MinScore } from '../score/min-score.js';

/** Where the student repository keeps its grader package (see writeStudentPackage). */
export const VENDOR = 'vendor';

/** What `neurograde pack` builds. */
export interface PackOptions {
  readonly out: string;
  /** @default every exercise */
  readonly exercises?: readonly string[];
  /** Language of the README, the test messages and the CI summary. @default 'fr' (the course's) */
  readonly lang?: Lang;
  /** Below it the pull request check fails. @default 50% */
  readonly minScore?: MinScore;
  /** The npm spec the student repository installs the grader from. @default the student package written into `vendor/` */
  readonly grader?: string;
  /** A course folder whose exercises/ and reference/ are added to the grader's own. @default none */
  readonly course?: string;
  /** The course's exercises alone. @default false */
  readonly courseOnly?: boolean;
  /** Write into a folder that already has files. @default false */
  readonly force?: boolean;
  /** Where the teacher's private grading repository goes (see writeTeacherRepo). @default `<out>-grading`, beside the student repository */
  readonly teacherOut?: string;
  /** Shards of the teacher's grading matrix. @default 4 */
  readonly shards?: number;
}

export interface PackSummary {
  readonly files: readonly string[];
  /** The student grader package, relative to the pack, e.g. vendor/neurograde-0.1.0.tgz. */
  readonly package: string;
  readonly exercises: number;
  readonly cases: number;
  /** The teacher's grading repository (absolute) and its files. */
  readonly teacher: { readonly dir: string; readonly files: readonly string[] };
}

const TEMPLATES = join(PACKAGE_ROOT, 'grader', 'pack', 'template');
const template = (name: string, vars: Readonly<Record<string, string>>): string =>
  readFileSync(join(TEMPLATES, name), 'utf8').replace(/__([A-Z_]+)__/g, (m, k: string) => vars[k] ?? m);

/** The pack's runtime: the step interpreter, wire format, comparison and messages in one file. */
async function runtimeBundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(PACKAGE_ROOT, 'grader', 'pack', 'runtime.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  return `// Written by neurograde pack: the grader's step interpreter and comparison, no reference code.\n${result.outputFiles[0]!.text}`;
}

function readme(exercises: readonly Exercise[], lang: Lang, min: MinScore, course: PublicCourse): string {
  const r = messages(lang).batch.pack.readme;
  const lines = [`# ${r.title}`, '', r.intro, '', `## ${r.exercises}`, ''];
  for (const e of exercises) {
    const m = e.manifest;
    lines.push(`- \`${m.file}\`: ${m.title[lang]} ([${lang === 'fr' ? 'énoncé' : 'statement'}](statements/${m.id}${lang === 'fr' ? '' : '.en'}.md))`);
  }
  lines.push(
    '', `## ${r.commands}`, '',
    r.install, '', '```sh', 'npm install', '```', '',
    r.test, '', '```sh', 'npm test', '```', '',
    r.check, '', '```sh', 'npx neurograde check', '```', '',
    r.watch, '', '```sh', 'npx neurograde check --watch', '```', '',
    r.ci, r.minScore(formatMin(min)), '',
  );
  const teacherOnly = course.exercises.flatMap((e) => e.teacherOnly.map((c) => `- ${e.title[lang]}: ${c.title[lang]}`));
  if (teacherOnly.length > 0) lines.push(r.teacherOnly, '', ...teacherOnly, '');
  return lines.join('\n');
}

/** The pack's vitest config: its public cases, and its own reporter (the pack's language; a last line pointing to the diagnosis). */
const VITEST_CONFIG =
  "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({ test: { include: ['checks/**/*.test.mjs'], reporters: ['./checks/pack-reporter.mjs'] } });\n";

/** The pack's package.json, with the language `neurograde check`, `--watch` and `--help` speak there without --lang. */
function packageJson(lang: Lang, grader: string): string {
  const pkg = {
    name: 'cnn-rnn-exercises',
    private: true,
    type: 'module',
    scripts: { test: 'vitest run', check: 'neurograde check', watch: 'neurograde check --watch' },
    dependencies: { '@tensorflow/tfjs': '^4.22.0' },
    devDependencies: { neurograde: grader, vitest: '^4.1.12' },
    engines: { node: '>=20.10' },
    neurograde: { lang },
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

/**
 * Builds the students' starter repository: statements, starter files named as the contract
 * wants them, the public fixed cases as data with a vitest file that runs them (`npm test`),
 * and a GitHub Actions workflow that grades each pull request. No reference code and no hidden
 * check goes in: expected outputs are data, computed here from the reference.
 */
export async function buildPack(options: PackOptions): Promise<PackSummary> {
  const lang = options.lang ?? 'fr';
  const t = messages(lang);
  const out = resolve(options.out);
  if (existsSync(out) && readdirSync(out).length > 0 && !options.force) throw new UsageError(t.batch.pack.notEmpty(options.out));
  const min = options.minScore ?? { kind: 'percent', value: 50 };
  const version = graderVersion();
  const exercises = await loadExercises(gradingRoots(options), options.exercises);
  const seed = resolveGradeOptions().seed;
  const cases = await publicCases(exercises, { seed, lang });
  const course = await publicCourse(exercises, { seed, grader: version });
  const studentPackage = await writeStudentPackage(join(out, VENDOR), course);
  const packageSpec = `file:${VENDOR}/${studentPackage.file}`;

  const files = new Map<string, string>();
  for (const e of exercises) {
    const m = e.manifest;
    files.set(`statements/${m.id}.md`, e.statement.fr);
    files.set(`statements/${m.id}.en.md`, e.statement.en);
    const starter = join(e.dir, 'starter.ts');
    if (existsSync(starter)) files.set(m.file, readFileSync(starter, 'utf8'));
  }
  // One number a line would make a 28x28 image 800 lines: flat number arrays stay on one line.
  const json = JSON.stringify(cases, null, 1).replace(/\[[\d\s,.eE+-]*\]/g, (a) => a.replace(/\s+/g, ''));
  files.set('checks/public-cases.json', json + '\n');
  files.set('checks/runtime.mjs', await runtimeBundle());
  files.set('checks/public.test.mjs', template('public.test.mjs.tmpl', {}));
  files.set('checks/pack-reporter.mjs', template('pack-reporter.mjs.tmpl', {}));
  files.set('vitest.config.mjs', VITEST_CONFIG);
  files.set('package.json', packageJson(lang, options.grader ?? packageSpec));
  files.set('.gitignore', 'node_modules/\n.neurograde/\nneurograde-report/\n');
  files.set('.github/workflows/grade.yml', template('grade.yml.tmpl', { MIN_SCORE: formatMin(min), LANG: lang }));
  files.set('README.md', readme(exercises, lang, min, course));

  const written: string[] = [];
  for (const [rel, content] of files) {
    writeFileAtomic(join(out, rel), content);
    written.push(rel);
  }
  written.push(`${VENDOR}/${studentPackage.file}`);
  const count = cases.exercises.reduce((s, e) => s + e.checks.reduce((k, c) => k + c.cases.length, 0), 0);
  const teacherDir = resolve(options.teacherOut ?? `${out}-grading`);
  const teacherFiles = writeTeacherRepo({
    out: teacherDir,
    lang,
    force: options.force ?? false,
    ...(options.shards !== undefined ? { shards: options.shards } : {}),
    ...(options.exercises ? { exercises: options.exercises } : {}),
    ...(options.course ? { course: options.course } : {}),
    ...(options.courseOnly ? { courseOnly: true } : {}),
  });
  return { files: written.sort(), package: `${VENDOR}/${studentPackage.file}`, exercises: exercises.length, cases: count, teacher: { dir: teacherDir, files: teacherFiles } };
}
