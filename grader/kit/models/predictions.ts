/**
 * Behaviour: the reference's weights (seeded draw) transplanted into the student's rebuilt model
 * must give the reference's predictions on fixed inputs. Two models with the same layer shapes
 * but another function (a SimpleRNN left at tanh, a missing ReLU) differ here even though their
 * parameter counts agree.
 */
import type * as TF from '@tensorflow/tfjs';
import { compareValues, type CheckContext, type CheckDefinition, type CheckVerdict, type Localized } from '../index.js';
import { type WireTensor } from '../../sandbox/wire.js';
import { backendIdentity, isBackendFault, type Tf } from '../../tf/backend.js';
import { withCheckedModels, type CheckedModel } from './checked.js';
import { compareArchitecture, diagnoseArchitecture } from './compare.js';
import { modelFacts, type ModelFacts } from './facts.js';
import type { StudentModel } from './fetch.js';
import { referenceFacts, referenceRun, tensorOf, type RecurrentChoice } from './reference.js';

export { fixedInputs } from './reference.js';
import { callLabel, type ModelSpec } from './spec.js';
import { labelsOf, tfErrorText } from './tf-error.js';

const asWire = (t: TF.Tensor): WireTensor => ({ kind: 'tensor', dtype: t.dtype, shape: t.shape, data: Array.from(t.dataSync()) });
const outputsOf = (y: TF.Tensor | TF.Tensor[]): TF.Tensor[] => (Array.isArray(y) ? y : [y]);

export type Transplant =
  | { readonly kind: 'same' }
  | { readonly kind: 'threw'; readonly error: string }
  | { readonly kind: 'weights-differ'; readonly want: readonly (readonly number[])[]; readonly got: readonly (readonly number[])[] }
  | { readonly kind: 'outputs-count'; readonly want: number; readonly got: number }
  | { readonly kind: 'predictions'; readonly comparison: Extract<ReturnType<typeof compareValues>, { pass: false }>; readonly output: number };

/**
 * The recurrent activation the student chose where the notes accept two (Keras' sigmoid, tfjs'
 * hardSigmoid): the predictions to match are those of the notes' model as the student wrote it.
 */
function recurrentChoice(facts: ModelFacts): RecurrentChoice {
  return facts.layers.map((l) => l.config.recurrentActivation).find((a) => a === 'sigmoid' || a === 'hardSigmoid') as RecurrentChoice;
}

/** Transplants the reference's seeded weights into the student's model and compares predictions. */
export function transplant(ctx: CheckContext, tf: Tf, student: StudentModel): Promise<Transplant> {
  return transplantInto(ctx, tf, student.model, student.spec, recurrentChoice(modelFacts(student.model)));
}

/**
 * A transplant into a checked model, kept for the environment by the model's key, the check's
 * seed and the backend instance: the same model handed in again is not rebuilt to be compared
 * again. An outcome quoting tfjs' error (`threw`) is this student's own, never kept.
 */
export async function checkedTransplant(ctx: CheckContext, tf: Tf, student: CheckedModel): Promise<Transplant> {
  const compute = async (): Promise<Transplant> => transplantInto(ctx, tf, await student.model(), student.spec, recurrentChoice(student.summary.facts));
  const kept = await ctx.memo(`transplant:${student.key}:${student.spec.fn}(${JSON.stringify(student.spec.args)}):${backendIdentity(tf)}`, compute);
  return kept.kind === 'threw' ? compute() : kept;
}

async function transplantInto(ctx: CheckContext, tf: Tf, model: TF.LayersModel, spec: ModelSpec, choice: RecurrentChoice): Promise<Transplant> {
  const reference = await referenceRun(ctx, tf, spec, choice);
  const want = reference.weights.map((w) => [...w.shape]);
  const got = model.weights.map((w) => w.shape as number[]);
  if (JSON.stringify(want) !== JSON.stringify(got)) return { kind: 'weights-differ', want, got };
  const weights = reference.weights.map((w) => tensorOf(tf, w));
  const x = tensorOf(tf, reference.inputs);
  let obtained: TF.Tensor[] = [];
  try {
    model.setWeights(weights);
    try {
      obtained = outputsOf(model.predict(x) as TF.Tensor | TF.Tensor[]);
    } catch (e) {
      if (isBackendFault(e)) throw e;
      return { kind: 'threw', error: tfErrorText(e, labelsOf(model)) };
    }
    if (reference.outputs.length !== obtained.length) return { kind: 'outputs-count', want: reference.outputs.length, got: obtained.length };
    for (let i = 0; i < obtained.length; i++) {
      const c = compareValues(reference.outputs[i]!, asWire(obtained[i]!), ctx.tolerance);
      if (!c.pass) return { kind: 'predictions', comparison: c, output: i };
    }
    return { kind: 'same' };
  } finally {
    tf.dispose([x, ...weights, ...obtained]);
  }
}

/** The verdict for a transplant that did not give the reference's predictions. */
export function transplantVerdict(ctx: CheckContext, student: { readonly spec: ModelSpec; readonly facts: ModelFacts }, outcome: Exclude<Transplant, { kind: 'same' }>): CheckVerdict {
  const t = ctx.t.models;
  const label = callLabel(student.spec);
  const diagnosis = diagnoseArchitecture(compareArchitecture(student.facts, referenceFacts(ctx, student.spec)));
  const diagnosed = diagnosis ? { diagnosis } : {};
  const shapes = (list: readonly (readonly number[])[]) => list.map((s) => s.join('x')).join(', ');
  switch (outcome.kind) {
    case 'weights-differ':
      return { status: 'failed', message: t.weightsDoNotFit(label, shapes(outcome.want), shapes(outcome.got)), ...diagnosed };
    case 'outputs-count':
      return { status: 'failed', message: t.outputCount(label, outcome.want, outcome.got), ...diagnosed };
    case 'threw':
      return { status: 'failed', message: t.predictFailed(label, outcome.error), ...diagnosed };
    case 'predictions': {
      const { mismatch } = outcome.comparison;
      const which = outcome.output > 0 || student.spec.fn === 'lstmModel' ? t.outputName(outcome.output) : undefined;
      return { status: 'failed', message: t.predictionsDiffer(label, which, ctx.t.compare.mismatch(mismatch)), mismatch, ...diagnosed };
    }
  }
}

/** A check that each model of `specs` predicts as the reference's with the reference's weights. */
export function predictionsCheck(options: { readonly id: string; readonly title: Localized; readonly specs: readonly ModelSpec[] }): CheckDefinition {
  return {
    id: options.id,
    title: options.title,
    run: (ctx: CheckContext): Promise<CheckVerdict> =>
      withCheckedModels(ctx, options.specs, async (tf, models) => {
        for (const student of models) {
          const outcome = await checkedTransplant(ctx, tf, student);
          if (outcome.kind !== 'same') return transplantVerdict(ctx, { spec: student.spec, facts: student.summary.facts }, outcome);
        }
        return { status: 'passed', message: ctx.t.models.predictionsOk(callLabel(models[0]!.spec)) };
      }),
  };
}
