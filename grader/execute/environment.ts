import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GraderError } from '../model/errors.js';
import { fromSources, graderBuild, graderVersion, PACKAGE_ROOT } from '../io/package.js';
import { createValueStore, type ValueStore, type ValueStoreOptions } from '../io/value-store.js';
import { createMemo } from '../kit/memo.js';
import { createCaseEncoder } from '../sandbox/case-encoder.js';
import { fileURLToPath } from 'node:url';
import { messages } from '../i18n/index.js';
import { PROVIDED, TFJS_SHIM_DIR } from '../load/bundle.js';
import { createBundler, type Bundler } from '../load/bundler.js';
import { exerciseCacheDir } from '../load/exercise-modules.js';
import { createModelGuard, modelGuardOptions, type ModelGuardOptions } from '../tf/rebuild-guard.js';
import { loadExercises, type ExerciseSources, type LoadOptions } from '../load/exercises.js';
import type { Manifest } from '../model/manifest.js';
import { loadPublicCourse } from '../load/public-course.js';
import type { Exercise } from '../load/exercise.js';
import type { Lang } from '../model/localized.js';
import { childScript } from '../sandbox/child-bundle.js';
import { packageClosure } from '../sandbox/dependencies.js';
import type { Launcher } from '../sandbox/launcher.js';
import { isSandboxChoice, type SandboxChoice } from '../sandbox/launchers/index.js';
import { SpareChildren } from '../sandbox/spares.js';
import { launcherSource, type LauncherSource } from '../sandbox/launchers/source.js';
import { createModelResults, type ModelResultsOptions } from '../tf/model-results.js';
import type { GradingEnvironment } from './grade-submission.js';
import { stockFirstChildren } from './first-children.js';
import { resolveGradeOptions, type GradeOptions } from './options.js';

export interface EnvironmentOptions {
  /** @default the package's own exercises/ and reference/ */
  readonly roots?: ExerciseSources;
  /** Exercises already loaded (a public course, say); `roots` and `only` are then ignored. @default loaded from `roots` */
  readonly exercises?: readonly Exercise[];
  /** Only these exercises. @default all */
  readonly only?: readonly string[];
  /** @default the launcher `sandbox` picks */
  readonly launcher?: Launcher;
  /**
   * Where the sandbox's launch plan (ldd's libraries, the probe's verdict) is kept between
   * starts: with it, a start on an unchanged machine runs neither (its first child confirms the
   * launcher instead, see LauncherSource). @default none: ldd and a probe child at every start
   */
  readonly launcherCache?: string;
  /** Which sandbox, when `launcher` is not given. @default process.env.NEUROGRADE_SANDBOX, else 'auto' (the strongest that works here) */
  readonly sandbox?: SandboxChoice;
  /** Language of the sandbox warnings. @default 'en' */
  readonly lang?: Lang;
  /** Boot each child while the work before it runs (see ChildLease). @default true */
  readonly prewarm?: boolean;
  /** Diagnose failed checks; false only to measure what the diagnosis costs (npm run bench). @default true */
  readonly diagnosis?: boolean;
  /** Bounds of a student's model's trial rebuild (see `createModelGuard`). @default modelGuardOptions(): NEUROGRADE_MODEL_REBUILD_CPU_MS, else the guard's own */
  readonly modelGuard?: ModelGuardOptions;
  /**
   * Where training results are kept between processes (a batch's workers and reruns, a student's
   * `check` runs), and the grader fingerprint they are valid for. @default in memory, for this environment's submissions
   */
  readonly modelResults?: ModelResultsOptions;
  /**
   * Where the checks' cases and the reference's answers (plain data decided by the exercise's
   * build, the check and its seed) are kept between processes, and the grader build they hold
   * for, or a store made already (shared, or counted); false keeps them in memory only. The grader's own folder, never one a child can read:
   * hidden checks' inputs are in it. @default when the grader runs from its build (dist/),
   * `cases/` beside the exercises' bundles, for graderBuild(); from its sources, memory only
   * (no build names the code that computed them)
   */
  readonly caseStore?: ValueStoreOptions | ValueStore | false;
  /**
   * Boot, while a submission is graded, a fresh child of each kind it used for the next one (see
   * SpareChildren): for an environment that grades submissions one after another (a batch
   * worker), not for a single grading, whose spare would only be ended. @default false
   */
  readonly spareChildren?: boolean;
  /**
   * Boot, as soon as the sandbox is ready and while the exercises' modules still load, the
   * children a grading under these options will most likely ask for first (see
   * stockFirstChildren): a single grading's first checks then find them booted. The owner ends
   * those left unused (`spareChildren.close()`). @default none: the first child boots when the grading starts
   */
  readonly earlyChildren?: GradeOptions;
  /** The bundler of the submissions' files, started by the caller ahead. @default one started here */
  readonly bundler?: Bundler;
}

/** The folders a child may read besides its own script: the packages a submission may import and their dependencies. */
export function dependencyPaths(): string[] {
  return [...packageClosure(PROVIDED, dirname(fileURLToPath(import.meta.url))), ...(TFJS_SHIM_DIR ? [TFJS_SHIM_DIR] : [])];
}

function sandboxChoice(options: EnvironmentOptions): SandboxChoice {
  const choice = options.sandbox ?? (process.env.NEUROGRADE_SANDBOX || 'auto');
  if (!isSandboxChoice(choice)) throw new GraderError('BAD_CONFIG', `NEUROGRADE_SANDBOX must be auto, bwrap, unshare, permission or none, not "${choice}"`);
  return choice;
}

/** Where the student's grader package keeps its course: public checks as data (see PublicCourseSchema). */
export const PUBLIC_COURSE = join(PACKAGE_ROOT, 'public-course.json');

/**
 * The exercises graded by default: the package's own exercises/ and reference/, or, in a
 * student's grader package (which has neither), its public course.
 */
async function defaultExercises(only: readonly string[] | undefined, load: LoadOptions): Promise<Exercise[]> {
  const exercisesDir = join(PACKAGE_ROOT, 'exercises');
  if (!existsSync(exercisesDir) && existsSync(PUBLIC_COURSE)) return loadPublicCourse(PUBLIC_COURSE, PACKAGE_ROOT, only);
  return loadExercises({ exercisesDir, referenceDir: join(PACKAGE_ROOT, 'reference') }, only, load);
}

/** The child runner, the folders it may read and the launcher: found while the exercises load. */
async function prepareSandbox(options: EnvironmentOptions): Promise<{ readonly script: string; readonly readPaths: readonly string[]; readonly source: LauncherSource }> {
  const script = await childScript();
  const readPaths = [dirname(script), ...dependencyPaths()];
  const source: LauncherSource = options.launcher
    ? { launcher: options.launcher, confirm: async () => 'fresh' }
    : await launcherSource({
        childScript: script,
        readPaths,
        choice: sandboxChoice(options),
        t: messages(options.lang ?? 'en'),
        ...(options.launcherCache ? { cacheDir: options.launcherCache, keyFiles: [join(PACKAGE_ROOT, 'dist', 'build-stamp.json')] } : {}),
      });
  return { script, readPaths, source };
}

/** The store of the checks' cases the options ask for (see EnvironmentOptions.caseStore). */
function caseStoreOf(options: EnvironmentOptions): ValueStore | undefined {
  if (options.caseStore === false) return undefined;
  if (options.caseStore) return 'recall' in options.caseStore ? options.caseStore : createValueStore(options.caseStore);
  if (fromSources(import.meta.url)) return undefined;
  // Beside the bundles, which hold the hidden checks' code: the same owner, the same readers (no child).
  return createValueStore({ dir: join(exerciseCacheDir(), 'cases'), version: () => graderBuild() });
}

/** Loads the exercises and prepares the sandbox once, for any number of submissions. */
export async function createEnvironment(options: EnvironmentOptions = {}): Promise<GradingEnvironment> {
  // The bundler's process (node, then esbuild's) starts while the exercises load and the sandbox is probed.
  const bundler = options.bundler ?? createBundler();
  bundler.warm?.();
  const encoder = createCaseEncoder();
  const spareChildren = options.spareChildren ? new SpareChildren() : options.earlyChildren ? new SpareChildren({ refill: false }) : undefined;
  const manifests: Manifest[] = options.exercises ? options.exercises.map((e) => e.manifest) : [];
  const onManifest = (m: Manifest): number => manifests.push(m);
  const load = options.exercises ? Promise.resolve([...options.exercises]) : options.roots ? loadExercises(options.roots, options.only, { onManifest }) : defaultExercises(options.only, { onManifest });
  const ready = prepareSandbox(options).then((s) => {
    // The manifests are read before any module is bundled: all known by now, or the load failed.
    if (options.earlyChildren && spareChildren) stockFirstChildren(spareChildren, { launcher: s.source.launcher, childScript: s.script, encoder }, manifests, resolveGradeOptions(options.earlyChildren));
    return s;
  });
  const [exercises, sandbox] = await Promise.all([load, ready]).catch((e: unknown) => {
    spareChildren?.close();
    throw e;
  });
  const version = graderVersion();
  const prewarm = options.prewarm === false ? { prewarm: false } : {};
  const diagnosis = options.diagnosis === false ? { diagnosis: false } : {};
  const modelGuard = createModelGuard(options.modelGuard ?? modelGuardOptions());
  const modelResults = createModelResults(options.modelResults ?? { version });
  const { source } = sandbox;
  const caseStore = caseStoreOf(options);
  return {
    exercises,
    // A launcher taken from the cache is replaced if the first child does not start (see LauncherSource).
    get launcher() {
      return source.launcher;
    },
    confirmLauncher: (first, limits) => source.confirm(first, limits),
    childScript: sandbox.script,
    readPaths: sandbox.readPaths,
    version,
    memo: createMemo(),
    ...(caseStore ? { caseStore } : {}),
    modelResults,
    encoder,
    bundler,
    modelGuard,
    ...(spareChildren ? { spareChildren } : {}),
    ...diagnosis,
    ...prewarm,
  };
}
