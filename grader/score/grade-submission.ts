import { cleanText } from './clean-text.js';
import { basename, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { messages } from '../i18n/index.js';
import type { Exercise } from '../load/exercise.js';
import type { ExerciseResult, Layout, SubmissionResult } from '../model/results.js';
import { inspectSubmission, skippedFiles, type SubmissionLayout } from '../load/layout.js';
import type { Launcher } from '../sandbox/launcher.js';
import type { Memo } from '../kit/memo.js';
import type { CaseEncoder } from '../sandbox/case-encoder.js';
import { startExercise } from './grade-exercise.js';
import { createBundler, type Bundler } from '../load/bundler.js';
import { SubmissionChildren } from '../sandbox/pool.js';
import { resolveGradeOptions, type GradeOptions } from './options.js';

/** What the grader needs that does not change between submissions: built once, passed in. */
export interface GradingEnvironment {
  readonly exercises: readonly Exercise[];
  readonly launcher: Launcher;
  readonly childScript: string;
  readonly readPaths: readonly string[];
  readonly version: string;
  /** Cases and reference answers computed once for every submission graded here. */
  readonly memo: Memo;
  /** Those cases' wire form, encoded once for every submission graded here. @default one per child */
  readonly encoder?: CaseEncoder;
  /** esbuild in a process of its own, shared by the submissions graded here. @default one per submission */
  readonly bundler?: Bundler;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Grades every exercise of one submission folder. Student faults are results; only grader faults throw. */
export async function gradeSubmission(
  env: GradingEnvironment,
  submissionDir: string,
  options: GradeOptions = {},
): Promise<SubmissionResult> {
  const started = performance.now();
  const o = resolveGradeOptions(options);
  const t = messages(o.lang);
  let tfBackend: string | undefined;
  const children = new SubmissionChildren({ reuse: o.isolation === 'submission' });
  const bundler = env.bundler ?? createBundler();
  let exercises: ExerciseResult[];
  const expected = env.exercises.map((e) => e.manifest.file);
  // How it was handed in: files in one sub-folder are graded from there; an empty folder, or one
  // without any expected file, is graded (every exercise missing) but marked ungradable.
  const layout = inspectSubmission(resolve(submissionDir), expected);
  const used = new Set(expected);
  try {
    const dir = layout.root;
    const bundles = await bundler.bundle(dir, expected);
    for (const b of bundles.values()) if (b.ok) for (const f of b.files) used.add(f);
    const gradings = await mapLimit(env.exercises, o.concurrency, (exercise) => {
      const l = { ...o.limits, ...exercise.manifest.limits };
      return startExercise({
        memo: env.memo,
        ...(env.encoder ? { encoder: env.encoder } : {}),
        children,
        datasets: o.datasets,
        usedTfBackend: (description) => {
          tfBackend = description;
        },
        exercise,
        submissionDir: dir,
        ...(layout.elsewhere.has(exercise.manifest.file) ? { elsewhere: layout.elsewhere.get(exercise.manifest.file)! } : {}),
        bundle: bundles.get(exercise.manifest.file)!,
        mode: o.mode,
        lang: o.lang,
        t,
        seed: o.seed,
        launcher: env.launcher,
        childScript: env.childScript,
        readPaths: env.readPaths,
        limits: { timeMs: l.timeMs, graderMs: l.graderMs, memoryMb: l.memoryMb, outputBytes: l.outputKb * 1024, processes: l.processes, maxItems: 4_000_000 },
        strikes: l.strikes,
      });
    });
    // Every public phase before any hidden one: the child that ran the public checks can then
    // run the hidden ones too (see ChildGroup), and a submission starts one child, not two.
    for (const phase of ['public', 'hidden'] as const) await mapLimit(gradings, o.concurrency, (g) => g.phase(phase));
    exercises = gradings.map((g) => g.result());
  } finally {
    children.close();
    if (!env.bundler) bundler.close();
  }
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    schemaVersion: 1,
    grader: { name: 'neurograde', version: env.version },
    submission: cleanText(basename(resolve(submissionDir))),
    lang: o.lang,
    mode: o.mode,
    score: round(exercises.reduce((s, e) => s + e.score, 0)),
    maxScore: round(exercises.reduce((s, e) => s + e.maxScore, 0)),
    gradedAt: new Date().toISOString(),
    // Whole seconds: the one total a student sees that includes the hidden checks' time.
    durationMs: Math.round((performance.now() - started) / 1000) * 1000,
    environment: { node: process.version, sandbox: env.launcher.name, warnings: [...env.launcher.warnings], ...(tfBackend ? { tfBackend } : {}) },
    exercises,
    status: layout.problem ? 'ungradable' : 'graded',
    ...(layout.problem ? { problem: layout.problem } : {}),
    layout: layoutOf(layout, used),
  };
}

function layoutOf(layout: SubmissionLayout, used: ReadonlySet<string>): Layout {
  const { skipped, more } = skippedFiles(layout, used);
  return { ...(layout.folder ? { folder: layout.folder } : {}), skipped, ...(more > 0 ? { skippedMore: more } : {}) };
}
