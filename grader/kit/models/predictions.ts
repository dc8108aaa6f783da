/**
 * Behaviour: the reference's weights (seeded draw) transplanted into the student's rebuilt model
 * must give the reference's predictions on fixed inputs. Two models with the same layer shapes
 * but another function (a SimpleRNN left at tanh, a missing ReLU) differ here even though their
 * parameter counts agree.
 */
import type * as TF from '@tensorflow/tfjs';
import { compareValues, createRng, type CheckContext, type CheckDefinition, type CheckVerdict, type Localized } from '../index.js';
import { type WireTensor } from '../../sandbox/wire.js';
import { type Tf, isBackendFault } from '../../tf/backend.js';
import { reseedWeights } from '../../tf/train.js';
import { referenceFacts } from './architecture.js';
import { compareArchitecture, diagnoseArchitecture } from './compare.js';
import { modelFacts } from './facts.js';
import { referenceModel, withStudentModels, type StudentModel } from './fetch.js';
import { callLabel, type ModelSpec } from './spec.js';
import { labelsOf, tfErrorText } from './tf-error.js';

/** Fixed inputs for a spec: a batch of 4 seeded samples, pixels in [0, 1), sequences in [-1, 1). */
export function fixedInputs(tf: Tf, spec: ModelSpec, seed: number): TF.Tensor {
  const rng = createRng(seed);
  const size = spec.sample.reduce((p, d) => p * d, 1);
  const pixels = spec.sample.length !== 2;
  const values = Float32Array.from({ length: 4 * size }, () => (pixels ? rng.next() : rng.float(-1, 1)));
  return tf.tensor(values, [4, ...spec.sample]);
}

const asWire = (t: TF.Tensor): WireTensor => ({ kind: 'tensor', dtype: t.dtype, shape: t.shape, data: Array.from(t.dataSync()) });
const outputsOf = (y: TF.Tensor | TF.Tensor[]): TF.Tensor[] => (Array.isArray(y) ? y : [y]);

export type Transplant =
  | { readonly kind: 'same' }
  | { readonly kind: 'threw'; readonly error: string }
  | { readonly kind: 'weights-differ'; readonly want: readonly (readonly number[])[]; readonly got: readonly (readonly number[])[] }
  | { readonly kind: 'outputs-count'; readonly want: number; readonly got: number }
  | { readonly kind: 'predictions'; readonly comparison: Extract<ReturnType<typeof compareValues>, { pass: false }>; readonly output: number };

/**
 * The reference's model, written with the student's choice where the notes accept two
 * (`recurrentActivation`: Keras' sigmoid or tfjs' hardSigmoid): the predictions to match are
 * those of the notes' model as the student wrote it.
 */
async function referenceLike(ctx: CheckContext, tf: Tf, student: StudentModel): Promise<TF.LayersModel> {
  const reference = referenceModel(ctx, student.spec);
  const chosen = modelFacts(student.model).layers.map((l) => l.config.recurrentActivation).find((a) => a === 'sigmoid' || a === 'hardSigmoid');
  const written = modelFacts(reference).layers.map((l) => l.config.recurrentActivation).find((a) => a !== undefined);
  if (chosen === undefined || written === undefined || chosen === written) return reference;
  const topology = reference.toJSON(null, false) as unknown as { config: { layers: { config: Record<string, unknown> }[] } };
  reference.dispose();
  for (const layer of topology.config.layers) if ('recurrent_activation' in layer.config) layer.config.recurrent_activation = chosen === 'sigmoid' ? 'sigmoid' : 'hard_sigmoid';
  return tf.models.modelFromJSON({ modelTopology: topology as unknown as TF.io.ModelJSON['modelTopology'] });
}

/** Transplants the reference's seeded weights into the student's model and compares predictions. */
export async function transplant(ctx: CheckContext, tf: Tf, student: StudentModel): Promise<Transplant> {
  const reference = await referenceLike(ctx, tf, student);
  try {
    reseedWeights(reference, ctx.seed);
    const want = reference.weights.map((w) => w.shape as number[]);
    const got = student.model.weights.map((w) => w.shape as number[]);
    if (JSON.stringify(want) !== JSON.stringify(got)) return { kind: 'weights-differ', want, got };
    const weights = reference.getWeights();
    student.model.setWeights(weights);
    const x = fixedInputs(tf, student.spec, ctx.seed);
    const expected = outputsOf(reference.predict(x) as TF.Tensor | TF.Tensor[]);
    let obtained: TF.Tensor[] = [];
    try {
      try {
        obtained = outputsOf(student.model.predict(x) as TF.Tensor | TF.Tensor[]);
      } catch (e) {
        if (isBackendFault(e)) throw e;
        return { kind: 'threw', error: tfErrorText(e, labelsOf(student.model)) };
      }
      if (expected.length !== obtained.length) return { kind: 'outputs-count', want: expected.length, got: obtained.length };
      for (let i = 0; i < expected.length; i++) {
        const c = compareValues(asWire(expected[i]!), asWire(obtained[i]!), ctx.tolerance);
        if (!c.pass) return { kind: 'predictions', comparison: c, output: i };
      }
      return { kind: 'same' };
    } finally {
      tf.dispose([x, ...expected, ...obtained]);
    }
  } finally {
    reference.dispose();
  }
}

/** The verdict for a transplant that did not give the reference's predictions. */
export function transplantVerdict(ctx: CheckContext, student: StudentModel, outcome: Exclude<Transplant, { kind: 'same' }>): CheckVerdict {
  const t = ctx.t.models;
  const label = callLabel(student.spec);
  const diagnosis = diagnoseArchitecture(compareArchitecture(modelFacts(student.model), referenceFacts(ctx, student.spec)));
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
      withStudentModels(ctx, options.specs, async (tf, models) => {
        for (const student of models) {
          const outcome = await transplant(ctx, tf, student);
          if (outcome.kind !== 'same') return transplantVerdict(ctx, student, outcome);
        }
        return { status: 'passed', message: ctx.t.models.predictionsOk(callLabel(models[0]!.spec)) };
      }),
  };
}
