import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { messages } from '../i18n/index.js';
import type { Memo, PersistentValues } from '../kit/memo.js';
import { createBundler, type Bundler } from '../load/bundler.js';
import { createModelGuard, type ModelGuard } from '../tf/rebuild-guard.js';
import { createRebuiltModels, type RebuildFn, type RebuiltModels } from '../tf/rebuilt-models.js';
import { requireTfjs } from '../tf/tfjs.js';
import { TFJS_MODULE, type BundleOutcome } from '../load/bundle.js';
import type { Exercise } from '../load/exercise.js';
import type { ExerciseResult, Layout, SubmissionResult } from '../model/results.js';
import { inspectSubmission, skippedFiles, type SubmissionLayout } from '../load/layout.js';
import type { CaseEncoder } from '../sandbox/case-encoder.js';
import type { Launcher } from '../sandbox/launcher.js';
import type { FirstChildFate } from '../sandbox/launchers/source.js';
import type { BootOptions, Session, SessionLimits } from '../sandbox/session.js';
import type { ModelResults } from '../tf/model-results.js';
import { SubmissionChildren } from '../sandbox/children.js';
import type { SpareChildren } from '../sandbox/spares.js';
import { submissionResult } from '../score/submission-result.js';
import { withinEvidenceBudget } from '../score/evidence-budget.js';
import { startExercise, type ExerciseGrading, type ExerciseRun } from './exercise.js';
import { limitsOf, plainChildOptions } from './first-children.js';
import { mapLimit } from './map-limit.js';
import { resolveGradeOptions, type GradeOptions, type ResolvedGradeOptions } from './options.js';
import { hiddenSeed, planSubmission, type ExercisePlan, type SubmissionPlan } from './plan.js';

/** What the grader needs that does not change between submissions: built once, passed in. */
export interface GradingEnvironment {
  readonly exercises: readonly Exercise[];
  readonly launcher: Launcher;
  readonly childScript: string;
  readonly readPaths: readonly string[];
  readonly version: string;
  /** Cases and reference answers computed once for every submission graded here. */
  readonly memo: Memo;
  /**
   * Keeps those cases and answers on disk too, for the next process grading with the same
   * grader build and exercise builds: a cold start reads them instead of computing them.
   * @default memory only
   */
  readonly caseStore?: PersistentValues;
  /** Those cases' wire form, encoded once for every submission graded here. @default one per child */
  readonly encoder?: CaseEncoder;
  /** Training results by what determines them, for every submission graded here. @default none: every training runs */
  readonly modelResults?: ModelResults;
  /** esbuild in a process of its own, shared by the submissions graded here. @default one per submission */
  readonly bundler?: Bundler;
  /** Failed checks are diagnosed (mistakes, relations, case patterns); false only to measure what that costs. @default true */
  readonly diagnosis?: boolean;
  /** Tries students' model rebuilds in a process of its own, shared by the submissions graded here. @default one per submission */
  readonly modelGuard?: ModelGuard;
  /**
   * How a student's validated model is rebuilt in the grader: once per submission and topology,
   * every check getting a copy (see `createRebuiltModels`). @default tfjs' `modelFromJSON`
   */
  readonly rebuildModel?: RebuildFn;
  /** Fresh children booted during a submission for the next one (see SpareChildren). @default none: each submission boots its own */
  readonly spareChildren?: SpareChildren;
  /** Boot each child while the work before it runs (see ChildLease); false only to measure what that saves (npm run bench). @default true */
  readonly prewarm?: boolean;
  /**
   * Sees the first child of a submission start under `launcher` when that launcher was taken
   * from the plan cache unprobed (see LauncherSource.confirm); `launcher` may be another after
   * it. @default every child is `fresh`: the launcher was probed
   */
  readonly confirmLauncher?: (first: Session, limits: SessionLimits) => Promise<FirstChildFate>;
}

/** What every exercise of one submission shares while it is graded. */
interface SubmissionRun {
  readonly env: GradingEnvironment;
  readonly layout: SubmissionLayout;
  readonly o: ResolvedGradeOptions;
  readonly children: SubmissionChildren;
  readonly bundles: ReadonlyMap<string, BundleOutcome>;
  readonly usedTfBackend: (description: string) => void;
  readonly modelGuard: ModelGuard;
  readonly rebuiltModels: RebuiltModels;
}

function exerciseRun(plan: ExercisePlan, s: SubmissionRun): ExerciseRun {
  const { manifest } = plan.exercise;
  const { strikes, ...limits } = limitsOf(plan.exercise.manifest, s.o);
  return {
    submissionDir: s.layout.root,
    memo: s.env.memo,
    ...(s.env.caseStore ? { caseStore: s.env.caseStore } : {}),
    ...(s.env.modelResults ? { modelResults: s.env.modelResults } : {}),
    ...(s.env.encoder ? { encoder: s.env.encoder } : {}),
    children: s.children,
    datasets: s.o.datasets,
    usedTfBackend: s.usedTfBackend,
    modelGuard: s.modelGuard,
    rebuiltModels: s.rebuiltModels,
    bundle: s.bundles.get(manifest.file)!,
    ...(s.layout.elsewhere.has(manifest.file) ? { elsewhere: s.layout.elsewhere.get(manifest.file)! } : {}),
    mode: s.o.mode,
    lang: s.o.lang,
    t: messages(s.o.lang),
    launcher: s.env.launcher,
    childScript: s.env.childScript,
    readPaths: s.env.readPaths,
    limits,
    strikes,
    diagnosis: s.env.diagnosis !== false,
  };
}

/**
 * The child the plan's first exercise will most likely take, booted while the submission is
 * bundled: that exercise's limits, and a module that imports no package (a numeric exercise's).
 * The first lease adopts it; a module that needs another child ends it and starts its own.
 */
function bootFirstChild(plan: SubmissionPlan, env: GradingEnvironment, o: ResolvedGradeOptions, children: SubmissionChildren): { readonly session: Session; readonly options: BootOptions } | undefined {
  const first = plan.phases[0]?.exercises[0];
  if (!first) return undefined;
  const options = plainChildOptions(env, plan.exercises[first.exercise]!.exercise.manifest, o);
  // The earlier submissions started no child of this kind (a class handing in models only): it would be ended unused.
  if (env.spareChildren && !env.spareChildren.wants(options)) return undefined;
  const session = children.boot(options);
  return session ? { session, options } : undefined;
}

/**
 * The first child, once its launcher is known to start children (see LauncherSource.confirm):
 * untouched, to adopt; undefined when it ran the probe module (then it waits among the idle
 * children for a public phase, a hidden phase never taking it) or no child was booted. A child
 * whose launcher did not start it is replaced by one of the launcher chosen instead.
 */
async function firstChild(plan: SubmissionPlan, env: GradingEnvironment, o: ResolvedGradeOptions, children: SubmissionChildren): Promise<Session | undefined> {
  const booted = bootFirstChild(plan, env, o, children);
  if (!booted || !env.confirmLauncher) return booted?.session;
  const fate = await env.confirmLauncher(booted.session, booted.options.limits);
  if (fate === 'fresh') return booted.session;
  if (fate === 'replaced') return bootFirstChild(plan, env, o, children)?.session;
  if (plan.phases[0]?.visibility === 'public') children.release('public', booted.options, booted.session, true);
  else booted.session.close();
  return undefined;
}

/**
 * A phase's exercises, those whose module imports a package first (the models exercise: a child
 * that loads TensorFlow.js, models fetched, rebuilt and trained), the others in the plan's order.
 * The longest starts first and the short ones run beside it, instead of before it: `check` of a
 * whole submission waited for seven numeric exercises, then for the models one alone. What
 * decides the order is the student's own imports, never anything about a hidden check.
 */
function longestFirst<E extends { readonly exercise: number }>(exercises: readonly E[], plan: SubmissionPlan, bundles: ReadonlyMap<string, BundleOutcome>): readonly E[] {
  const heavy = (e: E): boolean => {
    const bundle = bundles.get(plan.exercises[e.exercise]!.exercise.manifest.file);
    return bundle?.ok === true && bundle.externals.length > 0;
  };
  return [...exercises.filter(heavy), ...exercises.filter((e) => !heavy(e))];
}

/**
 * Runs a plan phase by phase: the exercises of a phase side by side, each exercise's jobs in
 * order on its lease. As an exercise starts a phase, the next one in the plan boots the child it
 * will need (see ChildLease.bootAhead). Every lease is closed however the plan ends.
 */
async function executePlan(plan: SubmissionPlan, s: SubmissionRun, firstChild: Session | undefined): Promise<ExerciseResult[]> {
  const gradings: ExerciseGrading[] = plan.exercises.map((p) => startExercise(p, exerciseRun(p, s)));
  try {
    const first = plan.phases[0];
    if (first && firstChild) gradings[first.exercises[0]!.exercise]!.adopt(first.visibility, firstChild);
    for (const phase of plan.phases) {
      const exercises = longestFirst(phase.exercises, plan, s.bundles);
      await mapLimit(exercises, s.o.concurrency, (e, i) => {
        const next = exercises[i + 1];
        if (next) gradings[next.exercise]!.bootAhead(phase.visibility);
        return gradings[e.exercise]!.runPhase(phase.visibility, e.jobs);
      });
    }
  } finally {
    for (const g of gradings) g.close();
  }
  return gradings.map((g) => g.result());
}

/** The files the grader used and those it did not, for results.json. */
function layoutOf(layout: SubmissionLayout, used: ReadonlySet<string>): Layout {
  const { skipped, more } = skippedFiles(layout, used);
  return { ...(layout.folder ? { folder: layout.folder } : {}), skipped, ...(more > 0 ? { skippedMore: more } : {}) };
}

/**
 * A submission whose code imports TensorFlow.js: its models will be fetched and rebuilt, so the
 * trial process and the grader's own tfjs start loading now, while the child boots and loads its
 * tfjs, instead of one after the other at the first model check. A submission without tfjs
 * loads neither.
 */
function startModelWork(modelGuard: ModelGuard): void {
  modelGuard.warm?.();
  // Only loaded here: the checks initialise the backend. A failure is theirs to report.
  setImmediate(() => {
    try {
      requireTfjs();
    } catch {
      // reported by the first model check
    }
  });
}

/**
 * Grades every exercise of one submission folder: plans its checks (planSubmission, public ones
 * first), bundles its files, then executes the plan. Student faults are results; only grader
 * faults throw.
 */
export async function gradeSubmission(env: GradingEnvironment, submissionDir: string, options: GradeOptions = {}): Promise<SubmissionResult> {
  const started = performance.now();
  const o = resolveGradeOptions(options);
  const plan = planSubmission(env.exercises, { mode: o.mode, seed: o.seed, varyHidden: o.varyHidden });
  const expected = env.exercises.map((e) => e.manifest.file);
  // How it was handed in: files in one sub-folder are graded from there; an empty folder, or one
  // without any expected file, is graded (every exercise missing) but marked ungradable.
  const layout = inspectSubmission(resolve(submissionDir), expected);
  const used = new Set(expected);
  let tfBackend: string | undefined;
  const children = new SubmissionChildren({ reuse: o.isolation === 'submission', prewarm: env.prewarm !== false, ...(env.spareChildren ? { spares: env.spareChildren } : {}) });
  const bundler = env.bundler ?? createBundler();
  // Started on a first model only: exercises without models never load TensorFlow.js for it.
  const modelGuard = env.modelGuard ?? createModelGuard();
  const rebuiltModels = createRebuiltModels(env.rebuildModel);
  let exercises: ExerciseResult[];
  try {
    const [first, bundles] = await Promise.all([firstChild(plan, env, o, children), bundler.bundle(layout.root, expected)]);
    if ([...bundles.values()].some((b) => b.ok && b.externals.includes(TFJS_MODULE))) startModelWork(modelGuard);
    for (const b of bundles.values()) if (b.ok) for (const f of b.files) used.add(f);
    exercises = withinEvidenceBudget(await executePlan(plan, { env, layout, o, children, bundles, modelGuard, rebuiltModels, usedTfBackend: (d) => (tfBackend = d) }, first), messages(o.lang));
  } finally {
    children.close();
    if (!env.bundler) bundler.close();
    if (!env.modelGuard) modelGuard.close();
    rebuiltModels.close();
  }
    // Only with varyHidden: the base seed may be a CI secret, and results.json without it stays as it was.
  const seeding = o.varyHidden !== undefined ? { seeding: { seed: o.seed, varyHidden: o.varyHidden, hiddenSeed: hiddenSeed(o.seed, o.varyHidden) } } : {};
  const facts = { submissionDir, lang: o.lang, mode: o.mode, ...seeding, version: env.version, launcher: env.launcher, exercises, layout: layoutOf(layout, used) };
  return submissionResult({ ...facts, durationMs: performance.now() - started, ...(tfBackend ? { tfBackend } : {}), ...(layout.problem ? { problem: layout.problem } : {}) });
}
