/**
 * What the checks need of the reference's models, computed once per grading environment rather
 * than at every check of every submission: building a reference model draws its weights (an
 * Orthogonal draw, a QR factorisation, for each recurrent layer), and its facts, compile settings
 * and predictions depend only on the spec, the seed and the backend. Everything here is the
 * grader's: nothing of it goes to the child.
 */
import type * as TF from '@tensorflow/tfjs';
import { createRng, type CheckContext } from '../index.js';
import type { WireTensor } from '../../sandbox/wire.js';
import { backendIdentity, type Tf } from '../../tf/backend.js';
import { compileSettings } from '../../tf/model-json.js';
import { reseedWeights } from '../../tf/train.js';
import type { CompileInfo } from './compile.js';
import { modelFacts, type ModelFacts } from './facts.js';
import type { ModelSpec } from './spec.js';

/** The reference's model for a spec, built in the grader from the trusted module: the caller's to dispose. */
export function referenceModel(ctx: CheckContext, spec: ModelSpec): TF.LayersModel {
  const make = ctx.reference[spec.fn] as (...args: number[]) => TF.LayersModel;
  return make(...spec.args);
}

/** Fixed inputs for a spec: a batch of 4 seeded samples, pixels in [0, 1), sequences in [-1, 1). */
export function fixedInputs(tf: Tf, spec: ModelSpec, seed: number): TF.Tensor {
  const rng = createRng(seed);
  const size = spec.sample.reduce((p, d) => p * d, 1);
  const pixels = spec.sample.length !== 2;
  const values = Float32Array.from({ length: 4 * size }, () => (pixels ? rng.next() : rng.float(-1, 1)));
  return tf.tensor(values, [4, ...spec.sample]);
}

const specKey = (spec: ModelSpec): string => `${spec.fn}(${JSON.stringify(spec.args)})`;

/** What a reference model is, read once: its canonical facts and compile settings. */
export interface ReferenceInfo {
  readonly facts: ModelFacts;
  readonly compile: CompileInfo;
}

/** The facts and compile settings of the reference's model for a spec, once per environment for all the exercise's checks. */
export function referenceInfo(ctx: CheckContext, spec: ModelSpec): ReferenceInfo {
  const memo = ctx.exerciseMemo ?? ((_key: string, compute: () => ReferenceInfo) => compute());
  return memo(`reference-info:${specKey(spec)}`, (): ReferenceInfo => {
    const model = referenceModel(ctx, spec);
    try {
      const settings = compileSettings(model);
      return { facts: modelFacts(model), compile: settings ? { kind: 'settings', training: settings } : { kind: 'none' } };
    } finally {
      (model.optimizer as TF.Optimizer | undefined)?.dispose();
      model.dispose();
    }
  });
}

/** The facts of the reference's model for a spec (see referenceInfo). */
export const referenceFacts = (ctx: CheckContext, spec: ModelSpec): ModelFacts => referenceInfo(ctx, spec).facts;

/** The notes accept two recurrent activations (Keras' sigmoid, tfjs' hardSigmoid): the reference is written with the student's. */
export type RecurrentChoice = 'sigmoid' | 'hardSigmoid' | undefined;

/** A weight as data: tensors belong to one backend instance, data to none. */
interface WeightValues {
  readonly shape: readonly number[];
  readonly dtype: TF.DataType;
  readonly values: TF.TypedArray;
}

/** The reference's side of a transplant: its seeded weights, the fixed inputs and its predictions on them. */
export interface ReferenceRun {
  readonly weights: readonly WeightValues[];
  readonly inputs: WeightValues;
  readonly outputs: readonly WireTensor[];
}

const valuesOf = (t: TF.Tensor): WeightValues => ({ shape: t.shape, dtype: t.dtype, values: t.dataSync().slice() });
const outputsOf = (y: TF.Tensor | TF.Tensor[]): TF.Tensor[] => (Array.isArray(y) ? y : [y]);

/** The reference's model for a spec, written with `choice` where the notes accept two writings. */
async function referenceLike(ctx: CheckContext, tf: Tf, spec: ModelSpec, choice: RecurrentChoice): Promise<TF.LayersModel> {
  const reference = referenceModel(ctx, spec);
  const written = referenceFacts(ctx, spec).layers.map((l) => l.config.recurrentActivation).find((a) => a !== undefined);
  if (choice === undefined || written === undefined || choice === written) return reference;
  const topology = reference.toJSON(null, false) as unknown as { config: { layers: { config: Record<string, unknown> }[] } };
  reference.dispose();
  for (const layer of topology.config.layers) if ('recurrent_activation' in layer.config) layer.config.recurrent_activation = choice === 'sigmoid' ? 'sigmoid' : 'hard_sigmoid';
  return tf.models.modelFromJSON({ modelTopology: topology as unknown as TF.io.ModelJSON['modelTopology'] });
}

async function computeRun(ctx: CheckContext, tf: Tf, spec: ModelSpec, choice: RecurrentChoice): Promise<ReferenceRun> {
  const reference = await referenceLike(ctx, tf, spec, choice);
  try {
    reseedWeights(reference, ctx.seed);
    const weights = reference.getWeights().map(valuesOf);
    const x = fixedInputs(tf, spec, ctx.seed);
    const expected = outputsOf(reference.predict(x) as TF.Tensor | TF.Tensor[]);
    try {
      const outputs = expected.map((t): WireTensor => ({ kind: 'tensor', dtype: t.dtype, shape: t.shape, data: Array.from(t.dataSync()) }));
      return { weights, inputs: valuesOf(x), outputs };
    } finally {
      tf.dispose([x, ...expected]);
    }
  } finally {
    reference.dispose();
  }
}

/**
 * The reference's transplant data for a spec at the check's seed, once per environment and
 * backend instance (a backend replaced after a fault computes it again: a failure is never kept
 * for the next).
 */
export function referenceRun(ctx: CheckContext, tf: Tf, spec: ModelSpec, choice: RecurrentChoice): Promise<ReferenceRun> {
  return ctx.memo(`reference-run:${specKey(spec)}:${choice ?? 'as-written'}:${ctx.seed}:${backendIdentity(tf)}`, () => computeRun(ctx, tf, spec, choice));
}

/** A weight or input as a tensor of `tf`'s backend, the caller's to dispose. */
export const tensorOf = (tf: Tf, w: WeightValues): TF.Tensor => tf.tensor(w.values, [...w.shape], w.dtype);
