/**
 * A student's models as the built-in model checks judge them: what a check reads of a model that
 * its topology and compile settings decide (its canonical facts, whether the settings load, its
 * trainable weights) is kept per grading environment, so the same model handed in again by
 * another student is not rebuilt for checks that only read it. The model itself is rebuilt for a
 * check only when the check needs it (a transplant or a training not kept from before).
 *
 * The key is computed here from the topology the grader validated (grader/tf/input) and the
 * compile settings it read, never taken from the child; layer names, which tfjs numbers per call,
 * are left out (unnamedWriting). Nothing kept here goes to the child.
 */
import { createHash } from 'node:crypto';
import type * as TF from '@tensorflow/tfjs';
import type { CheckContext, CheckVerdict } from '../index.js';
import { backendIdentity, type Tf } from '../../tf/backend.js';
import { unnamedWriting } from '../../tf/rebuilt-models.js';
import { unseededRandomness } from '../../tf/train.js';
import { modelFacts, type ModelFacts } from './facts.js';
import { answersFor, disposeModels, onBackend, rebuild, validated, type StudentModel, type Validated } from './fetch.js';
import { callLabel, type ModelSpec } from './spec.js';

/** What the checks read of a model that its topology and compile settings decide. */
export interface ModelSummary {
  readonly facts: ModelFacts;
  /** Why the student's compile settings could not be applied, in the student's terms. */
  readonly compileError?: string;
  readonly trainableWeights: number;
  /** The first layer drawing training randomness no seed reaches, if any (see unseededRandomness). */
  readonly unseeded?: ReturnType<typeof unseededRandomness>;
}

/** A student's model validated and summarised; rebuilt for the check only on `model()`. */
export interface CheckedModel extends Validated {
  /** What the model's results are kept by: its validated topology (names left out) and compile settings. */
  readonly key: string;
  readonly summary: ModelSummary;
  /** This check's own rebuild of the model, compiled with the student's settings: made at the first call, freed after the check. */
  model(): Promise<TF.LayersModel>;
  /**
   * Another rebuild at every call, for one training each: a training leaves its optimizer's state
   * (Adam's moments, RMSprop's averages) in the model, which would carry into the next start and
   * make its result depend on whether the one before was trained or kept from before.
   */
  fresh(): Promise<TF.LayersModel>;
}

/** The key of a validated model (see the file's header). */
export function modelKey(v: Pick<Validated, 'topology' | 'compile'>): string {
  return createHash('sha256').update(unnamedWriting(v.topology)).update('\0').update(JSON.stringify(v.compile)).digest('hex');
}

const summaryOf = (m: StudentModel): ModelSummary => {
  const unseeded = unseededRandomness(m.model);
  return { facts: modelFacts(m.model), ...(m.compileError ? { compileError: m.compileError } : {}), trainableWeights: m.model.trainableWeights.length, ...(unseeded ? { unseeded } : {}) };
};

/**
 * The check's view of one validated model: its summary kept for the environment (per backend
 * instance: a backend replaced after a fault starts afresh), computed by rebuilding it when no
 * student handed it in before. A rebuild that fails is this student's verdict, never kept.
 */
async function checkedModel(ctx: CheckContext, tf: Tf, v: Validated, built: StudentModel[]): Promise<CheckedModel | CheckVerdict> {
  const key = modelKey(v);
  let own: StudentModel | undefined;
  let failed: CheckVerdict | undefined;
  const summarise = async (): Promise<ModelSummary | undefined> => {
    const made = await rebuild(ctx, tf, v);
    if ('status' in made) return ((failed = made), undefined);
    built.push((own = made));
    return summaryOf(made);
  };
  const memo = ctx.exerciseMemo;
  let summary = memo ? await memo(`model-summary:${backendIdentity(tf)}:${key}`, summarise) : await summarise();
  // Another student's model of this key failed to rebuild: this one's verdict is its own (its layer names).
  if (!summary && !failed) summary = await summarise();
  if (!summary) return failed!;
  const fresh = (): Promise<TF.LayersModel> =>
    rebuild(ctx, tf, v).then((m) => {
      // The same topology rebuilt for another check or student: failing now is the grader's fault.
      if ('status' in m) throw new Error(`${callLabel(v.spec)} rebuilt before, but not now: ${m.status}`);
      built.push(m);
      return m.model;
    });
  let made: Promise<TF.LayersModel> | undefined = own ? Promise.resolve(own.model) : undefined;
  return { ...v, key, summary, model: () => (made ??= fresh()), fresh };
}

/**
 * The lifecycle of the built-in model checks: the grader's backend, the student's models fetched
 * (once per child), validated and summarised, `judge` on them, and every model rebuilt for the
 * check freed whatever `judge` returns or throws. The first failure to fetch is the verdict.
 */
export function withCheckedModels(
  ctx: CheckContext,
  specs: readonly ModelSpec[],
  judge: (tf: Tf, models: readonly CheckedModel[]) => Promise<CheckVerdict> | CheckVerdict,
): Promise<CheckVerdict> {
  return onBackend(ctx, specs, async (tf) => {
    const answers = await answersFor(ctx, specs);
    if (!Array.isArray(answers)) return answers;
    const built: StudentModel[] = [];
    try {
      const models: CheckedModel[] = [];
      for (let i = 0; i < specs.length; i++) {
        const answer = answers[i]!;
        const v = (answer.validated ??= await validated(ctx, specs[i]!, answer.outcome));
        const checked = 'status' in v ? v : await checkedModel(ctx, tf, v, built);
        if ('status' in checked) return checked;
        models.push(checked);
      }
      return await judge(tf, models);
    } finally {
      disposeModels(built);
    }
  });
}
