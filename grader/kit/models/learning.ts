/**
 * Learning: the student's model, as the student compiled it, trains in the grader under a fixed,
 * seeded budget on real data (every source of randomness seeded: initial weights, shuffles,
 * Dropout masks), so that one seed always gives one grade. Two ways to pass, chosen per check
 * from the spread measured over seeds (`npm run bench -- models-learning`, docs/models-learning.md):
 * - a classifier must reach a fraction of the reference's test accuracy under the same budget
 *   and seed (the reference trained once per grading environment and seed);
 * - the RNN, whose reference itself fails to learn from about one starting draw in five, must
 *   reach an absolute training MSE from at least one of several starting draws.
 * A model equal to the reference in its canonical form (facts.ts), in its compile settings and
 * in its predictions with the reference's weights learns exactly as the reference does: it gets
 * the reference's result and is not trained.
 */
import type * as TF from '@tensorflow/tfjs';
import { GraderError, type CheckContext, type CheckDefinition, type CheckVerdict, type Localized } from '../index.js';
import { type Tf, backendIdentity, isBackendFault } from '../../tf/backend.js';
import { trainingKey } from '../../tf/model-results.js';
import { evaluateAccuracy, trainBudgeted } from '../../tf/train.js';
import type { Budget } from './spec.js';
import { visibleCauses, type Cause } from './causes.js';
import { compareArchitecture, diagnoseArchitecture } from './compare.js';
import { CLASSIFIER, compileProblem, sameCompile } from './compile.js';
import { sizeOf, type DataSize, type TaskData } from './data.js';
import { sameFacts } from './facts.js';
import { withCheckedModels, type CheckedModel } from './checked.js';
import { referenceInfo, referenceModel } from './reference.js';
import { inspectTopology } from '../../tf/input/inspect.js';
import { checkedTransplant } from './predictions.js';
import { callLabel, type ModelSpec } from './spec.js';
import { labelsOf, tfErrorText } from './tf-error.js';

/** How a learning check passes; the numbers come from the measured spread, written next to each check. */
export type PassRule =
  | { readonly kind: 'accuracy-ratio'; readonly ratio: number }
  | { readonly kind: 'mse-below'; readonly max: number; readonly starts: number; readonly constant: number };

export interface LearningCheckOptions {
  readonly id: string;
  readonly title: Localized;
  readonly spec: ModelSpec;
  readonly budget: Budget;
  readonly pass: PassRule;
  /**
   * The data to train on, a key naming it (a different data set is a different reference result)
   * and, when known without loading them, their name and number of training samples: the data are
   * then loaded only for a training not kept from before. @default `size` unknown: loaded to be measured
   */
  readonly data: (ctx: CheckContext, tf: Tf) => { readonly key: string; readonly load: () => TaskData; readonly size?: DataSize };
}

/**
 * Work budget of one student training, in multiply-adds of a forward pass times samples: 4 times
 * what the notes' deep CNN does under its budget (about 3 million per sample, 6,144 samples).
 * A heavier model stops after as many samples as fit, the same count on every machine; a
 * wall-clock budget would make the grade depend on the machine's load.
 */
export const STUDENT_TRAINING_WORK = 4 * 3_000_000 * 6_144;

/**
 * A student's training may also do at most this many times the work of the check's own
 * reference training (the notes' model under the same budget), and all the starting draws of a
 * check together at most as much as the reference's over all of them. The notes' models are
 * what each check asks for, so a model of their size always trains whole; one built only to be
 * heavy (three 64-filter convolutions handed in as the dense model) stops early instead of
 * costing the grader nine times a correct submission (issue 19).
 */
export const REFERENCE_WORK_FACTOR = 2;

interface Score {
  readonly value: number;
  readonly samples: number;
  readonly stoppedEarly: boolean;
}

interface Training {
  readonly tf: Tf;
  /** Loaded at the first training that needs them (once per environment and backend instance). */
  readonly data: () => TaskData;
  readonly budget: Budget;
  readonly seed: number;
  /** Scored by test accuracy; otherwise by training MSE, as the notes' `model.evaluate(x_train, y_train)`. */
  readonly classifier: boolean;
  readonly maxTrainedSamples?: number;
}

async function score(model: TF.LayersModel, t: Training): Promise<number> {
  const data = t.data();
  if (t.classifier) return evaluateAccuracy(model, data.test ?? data.train);
  const { tf } = t;
  const mse = tf.tidy(() => tf.mean(tf.square(tf.sub(model.predict(data.train.x) as TF.Tensor, data.train.y))));
  const value = (await mse.data())[0]!;
  mse.dispose();
  return Number.isNaN(value) ? Infinity : value;
}

async function train(model: TF.LayersModel, t: Training): Promise<Score> {
  const r = await trainBudgeted(model, t.data().train, { ...t.budget, seed: t.seed, ...(t.maxTrainedSamples !== undefined ? { maxTrainedSamples: t.maxTrainedSamples } : {}) });
  return { value: await score(model, t), samples: r.samples, stoppedEarly: r.stoppedEarly };
}

/** A score as stored: JSON has no Infinity (a diverged MSE), kept as null. */
type StoredScore = Omit<Score, 'value'> & { readonly value: number | null };

/**
 * A training that threw, as tfjs' error in the student's terms (layer names replaced): the same
 * model, settings and data throw alike (a sparse loss given one-hot labels, at the first batch).
 */
interface Threw {
  readonly error: string;
}

const isStored = (v: unknown): v is StoredScore | Threw => {
  const s = v as (StoredScore & Threw) | null;
  if (typeof s !== 'object' || s === null) return false;
  if (typeof s.error === 'string') return Object.keys(s).length === 1;
  return (typeof s.value === 'number' || s.value === null) && Number.isInteger(s.samples) && typeof s.stoppedEarly === 'boolean';
};

/**
 * A training's score, from the environment's or batch's store when the same model (its validated
 * topology and compile settings, or the reference's name) trained with the same seed, data,
 * budget and backend before: a class trains each distinct model once.
 */
function trainedScore(ctx: CheckContext, model: { readonly topology: unknown; readonly training: unknown }, t: Training & { readonly dataKey: string }, run: () => Promise<Score | Threw>): Promise<Score | Threw> {
  if (!ctx.modelResults) return run();
  const key = trainingKey({
    ...model,
    seed: t.seed,
    data: t.dataKey,
    budget: { ...t.budget, classifier: t.classifier, maxTrainedSamples: t.maxTrainedSamples ?? null },
    backend: t.tf.getBackend(),
  });
  const toStored = (s: Score | Threw): StoredScore | Threw => ('error' in s ? s : { ...s, value: Number.isFinite(s.value) ? s.value : null });
  return ctx.modelResults.trained(key, async () => toStored(await run()), isStored).then((s) => ('error' in s ? s : { ...s, value: s.value ?? Infinity }));
}

async function equalsReference(ctx: CheckContext, tf: Tf, student: CheckedModel): Promise<boolean> {
  const reference = referenceInfo(ctx, student.spec);
  const same = !student.summary.compileError && sameCompile(student.compile, reference.compile) && sameFacts(student.summary.facts, reference.facts);
  return same && (await checkedTransplant(ctx, tf, student)).kind === 'same';
}

// A failed learning check names the architecture's mistake, else the compile settings', and the causes visible in the model.
function explainFailure(ctx: CheckContext, student: CheckedModel): { diagnosis?: string; causes: readonly Cause[] } {
  const reference = referenceInfo(ctx, student.spec);
  const facts = student.summary.facts;
  const causes = visibleCauses({ facts, compile: student.compile }, { compile: reference.compile });
  const structural = diagnoseArchitecture(compareArchitecture(facts, reference.facts));
  if (structural) return { diagnosis: structural, causes };
  const problem = student.spec.compile ? compileProblem(student.compile, student.spec.compile) : undefined;
  return problem?.kind === 'loss' && problem.sparse ? { diagnosis: 'model-sparse-loss', causes } : { causes };
}

function causesText(ctx: CheckContext, causes: readonly Cause[]): string {
  const t = ctx.t.models;
  if (causes.length === 0) return '';
  return t.causes(causes.map((c) => {
    switch (c.kind) {
      case 'frozen':
        return t.causeFrozen(c.layers.map((l) => t.layerName(l.className, l.position)));
      case 'constant-init':
        return t.causeConstantInit(t.layerName(c.className, c.position), c.initializer);
      case 'learning-rate':
        return t.causeLearningRate(c.got, c.want);
    }
  }));
}

/** Why the student's model cannot be trained at all, as the message; undefined when it can be. */
function untrainable(ctx: CheckContext, student: CheckedModel): string | undefined {
  const t = ctx.t.models;
  const label = callLabel(student.spec);
  if (student.compile.kind === 'none') return t.cannotTrainUncompiled(label);
  if (student.compile.kind === 'unserializable') return t.unserializable(label, student.spec.compile?.lossName ?? '', student.compile.detail);
  if (student.summary.compileError) return t.compileRejected(label, student.summary.compileError);
  if (student.summary.trainableWeights === 0) return t.nothingTrainable(label);
  const unseeded = student.summary.unseeded;
  return unseeded ? t.unseeded(label, t.layerName(unseeded.className, unseeded.index), unseeded.option) : undefined;
}

/** The reference's score under the same training, once per data set and seed (and from the store when it trained before). */
function trainedReference(ctx: CheckContext, spec: ModelSpec, training: Training & { readonly dataKey: string }): Promise<Score> {
  return ctx.memo(`reference:${training.dataKey}:${ctx.seed}`, () =>
    trainedScore(ctx, { topology: `reference:${spec.fn}(${spec.args.join(',')})`, training: 'reference' }, training, async () => {
      const model = referenceModel(ctx, spec);
      try {
        return await train(model, training);
      } finally {
        (model.optimizer as TF.Optimizer | undefined)?.dispose();
        model.dispose();
      }
    }).then((s) => {
      // The reference's training throws only on a grader fault, never kept (see ModelResults.trained).
      if ('error' in s) throw new Error(`the reference's training failed: ${s.error}`);
      return s;
    }),
  );
}

/** Multiply-adds per sample of the check's reference model, as the trust check estimates a student's; once per environment. */
function referenceMacs(ctx: CheckContext, spec: ModelSpec): number {
  return ctx.memo(`reference-macs:${spec.fn}(${spec.args.join(',')})`, () => {
    const model = referenceModel(ctx, spec);
    try {
      const inspected = inspectTopology(model.toJSON(null, false));
      // The reference always passes the trust check; were it not to, only the absolute budget applies.
      return inspected.ok ? inspected.estimate.macs : Infinity;
    } finally {
      model.dispose();
    }
  });
}

/**
 * The work a check's student trainings may do, in multiply-adds: each at most REFERENCE_WORK_FACTOR
 * reference trainings (and STUDENT_TRAINING_WORK); the starts of a check with several, together at
 * most the reference's work over as many starts. A heavy model stops early or gets fewer starts.
 */
function workAccount(o: { readonly referenceWork: number; readonly studentMacs: number; readonly batchSize: number; readonly starts?: number }) {
  let left = o.starts === undefined ? Infinity : o.starts * o.referenceWork;
  const macs = Math.max(1, o.studentMacs);
  return {
    /** Samples the next training may go through: at least one batch. */
    samples: (): number => Math.max(o.batchSize, Math.floor(Math.min(STUDENT_TRAINING_WORK, REFERENCE_WORK_FACTOR * o.referenceWork, left) / macs)),
    spend: (samples: number): void => void (left -= samples * macs),
    /** Whether another start fits: the first always does. */
    canStart: (tried: number): boolean => tried === 0 || left >= o.batchSize * macs,
  };
}

/** The student's score under `how`, or the error its training threw: kept from before, or trained on a model of its own. */
function studentScore(ctx: CheckContext, student: CheckedModel, how: Training & { readonly dataKey: string }): Promise<Score | Threw> {
  const trained = { topology: student.topology, training: student.compile.kind === 'settings' ? student.compile.training : null };
  return trainedScore(ctx, trained, how, async () => {
    const model = await student.fresh();
    // Loaded first: data that cannot load are the grader's fault, never a student's training error.
    how.data();
    try {
      return await train(model, how);
    } catch (e) {
      if (isBackendFault(e) || e instanceof GraderError) throw e;
      // Quoted with the layers (its input layer's included) as the student wrote them, not as tfjs numbered them.
      return { error: tfErrorText(e, labelsOf(model)) };
    }
  });
}

/** Data loaded, checked against the size their check declared (the message and the budgets said it before they loaded). */
function declared(data: TaskData, size: DataSize | undefined): TaskData {
  const got = sizeOf(data);
  if (size && (got.name !== size.name || got.train !== size.train)) throw new GraderError('BAD_CONFIG', `learning data declared as ${size.train} ${size.name} samples, but ${got.train} ${got.name} loaded`);
  return data;
}

/** A seed per starting draw: the first is the check's own, so one start is what a single training used. */
const startSeed = (seed: number, start: number): number => (start === 0 ? seed : (seed + start * 0x9e3779b1) >>> 0);

export function learningCheck(options: LearningCheckOptions): CheckDefinition {
  const { spec, budget, pass } = options;
  const classifier = spec.compile === CLASSIFIER;
  return {
    id: options.id,
    title: options.title,
    run(ctx: CheckContext): Promise<CheckVerdict> {
      const t = ctx.t.models;
      const label = callLabel(spec);
      return withCheckedModels(ctx, [spec], async (tf, [student]) => {
        if (await equalsReference(ctx, tf, student)) return { status: 'passed', message: t.sameAsReference(label) };
        const { diagnosis, causes } = explainFailure(ctx, student);
        const why = causesText(ctx, causes);
        const failed = (message: string): CheckVerdict => ({ status: 'failed', message: message + why, ...(diagnosis ? { diagnosis } : {}) });
        const cannot = untrainable(ctx, student);
        if (cannot) return failed(cannot);

        const source = options.data(ctx, tf);
        // Tensors belong to one backend instance: a replaced backend (after a fault) loads them again.
        const data = (): TaskData => declared(ctx.memo(`data:${source.key}:${backendIdentity(tf)}`, source.load), source.size);
        const size = source.size ?? sizeOf(data());
        const samples = Math.min(budget.maxSamples, size.train);
        const what = t.budget({ samples, epochs: budget.epochs, batch: budget.batchSize, dataset: t.datasets[size.name] });
        const training: Training & { readonly dataKey: string } = { tf, data, budget, seed: ctx.seed, classifier, dataKey: source.key };
        const referenceWork = referenceMacs(ctx, spec) * samples * budget.epochs;
        const work = workAccount({ referenceWork, studentMacs: student.estimate.macs, batchSize: budget.batchSize, ...(pass.kind === 'mse-below' ? { starts: pass.starts } : {}) });
        const trainStudent = async (seed: number): Promise<Score | CheckVerdict> => {
          const got = await studentScore(ctx, student, { ...training, seed, maxTrainedSamples: work.samples() });
          return 'error' in got ? failed(t.trainingFailed(label, what, got.error)) : got;
        };
        const stoppedText = (s: Score): string => (s.stoppedEarly ? ` ${t.stoppedEarly(s.samples)}` : '');

        if (pass.kind === 'mse-below') {
          let best: Score | undefined;
          let tried = 0;
          for (; tried < pass.starts && work.canStart(tried); tried++) {
            const got = await trainStudent(startSeed(ctx.seed, tried));
            if ('status' in got) return got;
            if (got.value <= pass.max) return { status: 'passed', message: t.mseOk({ call: label, got: got.value, want: pass.max, what, start: tried + 1 }) };
            work.spend(got.samples);
            if (!best || got.value < best.value) best = got;
          }
          return failed(t.mseHigh({ call: label, got: best!.value, want: pass.max, what, starts: tried, constant: pass.constant }) + stoppedText(best!));
        }
        const got = await trainStudent(ctx.seed);
        if ('status' in got) return got;
        // After the student's: a model that cannot train at all needs no reference to compare with.
        const reference = await trainedReference(ctx, spec, training);
        const want = pass.ratio * reference.value;
        const outcome = { call: label, got: got.value, reference: reference.value, want, what, percent: Math.round(pass.ratio * 100) };
        return got.value >= want ? { status: 'passed', message: t.accuracyOk(outcome) } : failed(t.accuracyLow(outcome) + stoppedText(got));
      });
    },
  };
}
