/**
 * Gets the student's models: the child calls the builders and sends each model as data
 * (topology + compile settings); here the data is checked (grader/tf/input, compile.ts) and only
 * then rebuilt by tfjs in the grader, with fresh weights. Everything a student got wrong on the
 * way is a verdict, never an exception.
 */
import type * as TF from '@tensorflow/tfjs';
import { faultMessage, call, type CaseOutcome, type CheckContext, type CheckVerdict } from '../index.js';
import { COSTLY_DRAW } from '../../sandbox/child/tf-guard.js';
import { isTagged } from '../../sandbox/wire.js';
import { initBackend, isBackendFault, resetBackend, type Tf } from '../../tf/backend.js';
import { drawOrthogonalInJs } from '../../tf/orthogonal.js';
import { rebuildFromJson, RebuildFailure } from '../../tf/rebuilt-models.js';
import { inspectTopology, type Estimate } from '../../tf/input/inspect.js';
import { LAYER_CLASSES } from '../../tf/input/layers.js';
import { type Refusal } from '../../tf/input/refusal.js';
import { inspectCompile, type CompileInfo } from './compile.js';
import { callLabel, type ModelSpec } from './spec.js';
import { labelsOf, labelsOfTopology, tfErrorText } from './tf-error.js';

export interface StudentModel {
  readonly spec: ModelSpec;
  /** Rebuilt in the grader; compiled with the student's settings when they load. */
  readonly model: TF.LayersModel;
  /** The topology as the trust check validated it: what the model's training results are keyed on, with `compile`. */
  readonly topology: Readonly<Record<string, unknown>>;
  /** What the trust check estimated of it (multiply-adds per sample bound its training). */
  readonly estimate: Estimate;
  readonly compile: CompileInfo;
  /** Why the student's compile settings could not be applied (e.g. an unknown loss name). */
  readonly compileError?: string;
}

export type Fetched = { readonly ok: true; readonly models: readonly StudentModel[] } | { readonly ok: false; readonly verdict: CheckVerdict };

/** The backend every model check runs on, recorded for the result's environment. */
export async function backendFor(ctx: CheckContext): Promise<Tf> {
  const backend = await initBackend();
  drawOrthogonalInJs(backend.tf);
  ctx.usedTfBackend?.(ctx.t.models.backend[backend.name]);
  return backend.tf;
}


function kindOf(ctx: CheckContext, v: unknown): string {
  const k = ctx.t.models.kinds;
  if (v === undefined) return k.undefined;
  if (v === null) return k.null;
  if (isTagged(v)) return v.kind === 'tensor' ? k.tensor : v.kind === 'function' ? k.function : k.array;
  if (Array.isArray(v)) return k.array;
  return typeof v === 'number' ? k.number : typeof v === 'string' ? k.string : typeof v === 'boolean' ? k.boolean : k.object;
}

// A config path as the student wrote it in TypeScript: kernel_regularizer.config.l1 -> kernelRegularizer.l1.
const asWritten = (field: string): string =>
  field.split('.').filter((part) => part !== 'config').map((part) => part.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase())).join('.');

function refusalText(ctx: CheckContext, r: Refusal): string {
  const t = ctx.t.models.refusal;
  switch (r.kind) {
    case 'not-a-model':
      return t.notAModel(r.detail);
    case 'layer-class':
      return t.layerClass(r.index, r.className, LAYER_CLASSES);
    case 'not-a-chain':
      return t.notAChain(r.detail);
    case 'no-input-shape':
      return t.noInputShape();
    case 'bad-config':
      return t.badConfig(r.index, r.className, asWritten(r.field));
    case 'too-many-layers':
      return t.tooManyLayers(r.count, r.max);
    case 'too-many-params':
      return t.tooManyParams(r.estimate, r.max);
    case 'too-large-output':
      return t.tooLargeOutput(r);
    case 'too-much-compute':
      return t.tooMuchCompute(r.estimate, r.max);
    case 'unknown-key':
      return t.unknownKey(r.index, r.className, r.key);
    case 'costly-initializer':
      return t.costlyInitializer(r.index, r.className, asWritten(r.field), r.shape.join('x'));
    case 'costly-rebuild':
      return t.costlyRebuild(r);
    case 'rebuild-time':
      return t.rebuildTime(r.limitMs);
    case 'rebuild-memory':
      return t.rebuildMemory(r.limitMb);
  }
}

/** A model the child sent, validated (its topology and compile settings), not yet rebuilt. */
export interface Validated {
  readonly spec: ModelSpec;
  readonly topology: Readonly<Record<string, unknown>>;
  readonly estimate: Estimate;
  readonly compile: CompileInfo;
}

// Checks what the child sent for `spec`, trial rebuild included, or says why it cannot be rebuilt.
async function validate(ctx: CheckContext, spec: ModelSpec, output: unknown): Promise<Validated | CheckVerdict> {
  const t = ctx.t.models;
  const label = callLabel(spec);
  if (!isTagged(output) || output.kind !== 'model') return { status: 'failed', message: t.notAModel(label, kindOf(ctx, output)) };
  const inspected = inspectTopology(output.topology);
  if (!inspected.ok) return { status: 'failed', message: t.refused(label, refusalText(ctx, inspected.refusal)) };
  const compile = inspectCompile(output.compile);
  if (!compile) return { status: 'failed', message: t.refused(label, t.badCompileData) };
  // What the JSON check cannot estimate is bounded by a trial rebuild in a process of its own.
  const trial = await ctx.modelGuard?.trial(inspected.topology);
  if (trial) return { status: 'failed', message: t.refused(label, refusalText(ctx, trial)) };
  return { spec, topology: inspected.topology, estimate: inspected.estimate, compile };
}

/** Rebuilds a validated model for one check, compiled with the student's settings when they load; a rebuild that fails is the verdict. */
export async function rebuild(ctx: CheckContext, tf: Tf, v: Validated): Promise<StudentModel | CheckVerdict> {
  let model: TF.LayersModel;
  try {
    // Once per submission when the grading keeps its models (a copy per check), else here.
    model = await (ctx.rebuiltModels ? ctx.rebuiltModels.copy(tf, v.topology) : rebuildFromJson(tf, v.topology));
  } catch (e) {
    if (isBackendFault(e)) throw e;
    // The error quotes the layer names of the topology it was rebuilt from (maybe another check's call).
    const [error, built] = e instanceof RebuildFailure ? [e.error, e.topology] : [e, v.topology];
    return { status: 'failed', message: ctx.t.models.rebuildFailed(callLabel(v.spec), tfErrorText(error, labelsOfTopology(built as Record<string, unknown>))) };
  }
  const { spec, topology, estimate, compile } = v;
  if (compile.kind !== 'settings') return { spec, model, topology, estimate, compile };
  try {
    model.loadTrainingConfig(compile.training as unknown as Parameters<TF.LayersModel['loadTrainingConfig']>[0]);
    return { spec, model, topology, estimate, compile };
  } catch (e) {
    if (isBackendFault(e)) throw e;
    return { spec, model, topology, estimate, compile, compileError: tfErrorText(e, labelsOf(model)) };
  }
}

/**
 * The matrix of an Orthogonal draw the child refused before it started (sandbox/child/tf-guard.ts),
 * re-read as two numbers: what the message shows is built by the grader from them.
 */
function costlyDraw(fault: Parameters<typeof faultMessage>[2]): string | undefined {
  if (fault.kind !== 'threw' || fault.error.name !== COSTLY_DRAW) return undefined;
  const m = /^(\d{1,9})x(\d{1,9})$/.exec(fault.error.message);
  return m ? `${Number(m[1])}x${Number(m[2])}` : undefined;
}

/** One builder's answer, and once looked at, what the grader made of it. */
export interface Answer {
  readonly outcome: CaseOutcome;
  validated?: Validated | CheckVerdict;
}

const answerKey = (spec: ModelSpec): string => `model:${spec.fn}(${JSON.stringify(spec.args)})`;

/**
 * What the child answered for every spec: the builders not called on this child yet are called
 * now, in one round trip; a run that fails keeps nothing.
 */
export async function answersFor(ctx: CheckContext, specs: readonly ModelSpec[]): Promise<Answer[] | CheckVerdict> {
  const kept = ctx.childValues ?? new Map<string, unknown>();
  const asked = specs.filter((s) => !kept.has(answerKey(s)));
  if (asked.length > 0) {
    const run = await ctx.run(asked.map((s) => [call(s.fn, ...s.args)]));
    if (!run.ok) return { status: 'sandbox', failure: run.failure };
    asked.forEach((s, i) => kept.set(answerKey(s), { outcome: run.cases[i]! } satisfies Answer));
  }
  return specs.map((s) => kept.get(answerKey(s)) as Answer);
}

/** What the grader makes of one builder's answer: the model validated, or the verdict on it. */
export async function validated(ctx: CheckContext, spec: ModelSpec, outcome: CaseOutcome): Promise<Validated | CheckVerdict> {
  const costly = outcome.ok ? undefined : costlyDraw(outcome.fault);
  if (costly) return { status: 'failed', message: ctx.t.models.refused(callLabel(spec), ctx.t.models.refusal.costlyDraw(costly)) };
  if (!outcome.ok) {
    const stack = outcome.fault.kind === 'threw' ? outcome.fault.error.stack : undefined;
    return { status: 'error', message: faultMessage(ctx.t, ctx.exercise.file, outcome.fault), ...(stack ? { stack } : {}) };
  }
  return validate(ctx, spec, outcome.outputs[0]);
}

/**
 * The student's models for `specs`, rebuilt in the grader for this check: the builders are called
 * in the child (one round trip, once per child: see CheckContext.childValues), their answers
 * validated once per child, and rebuilt for every check (each check mutates its own). On any
 * failure the models already rebuilt are disposed and the first failure is the verdict.
 */
export async function fetchModels(ctx: CheckContext, tf: Tf, specs: readonly ModelSpec[]): Promise<Fetched> {
  const answers = await answersFor(ctx, specs);
  if (!Array.isArray(answers)) return { ok: false, verdict: answers };
  const models: StudentModel[] = [];
  for (let i = 0; i < specs.length; i++) {
    const answer = answers[i]!;
    const checked = (answer.validated ??= await validated(ctx, specs[i]!, answer.outcome));
    const built = 'status' in checked ? checked : await rebuild(ctx, tf, checked);
    if ('status' in built) {
      disposeModels(models);
      return { ok: false, verdict: built };
    }
    models.push(built);
  }
  return { ok: true, models };
}

/**
 * Runs `body` on the grader's backend; a fault of the backend (out of memory) is the check's
 * error, and the backend is replaced for the next check and the next submission.
 */
export async function onBackend(ctx: CheckContext, specs: readonly ModelSpec[], body: (tf: Tf) => Promise<CheckVerdict>): Promise<CheckVerdict> {
  const tf = await backendFor(ctx);
  try {
    return await body(tf);
  } catch (e) {
    if (!isBackendFault(e)) throw e;
    // The backend's memory cannot be trusted any more: the next check, and the next submission, get a fresh one.
    await resetBackend(tf);
    return { status: 'error', code: 'tf-backend', message: ctx.t.models.backendFault(specs.map(callLabel).join(', ')) };
  }
}

/**
 * The lifecycle every model check shares: the grader's backend, the student's models fetched
 * and rebuilt, `judge` on them, and the models freed whatever `judge` returns or throws. A fetch
 * that fails is the verdict.
 */
export function withStudentModels(
  ctx: CheckContext,
  specs: readonly ModelSpec[],
  judge: (tf: Tf, models: readonly StudentModel[]) => Promise<CheckVerdict> | CheckVerdict,
): Promise<CheckVerdict> {
  return onBackend(ctx, specs, async (tf) => {
    const fetched = await fetchModels(ctx, tf, specs);
    if (!fetched.ok) return fetched.verdict;
    try {
      return await judge(tf, fetched.models);
    } finally {
      disposeModels(fetched.models);
    }
  });
}

/**
 * Frees rebuilt models, optimizer included: `loadTrainingConfig` compiles with an optimizer
 * instance, which tfjs counts as not owned by the model and leaves behind on `model.dispose()`
 * (Adam's two scalars, and after training a moment per weight), a leak per submission in a batch.
 */
export function disposeModels(models: readonly { readonly model: TF.LayersModel }[]): void {
  for (const { model } of models) {
    try {
      const optimizer = model.optimizer as TF.Optimizer | undefined;
      model.dispose();
      optimizer?.dispose();
    } catch {
      // Already disposed: nothing left to free.
    }
  }
}
