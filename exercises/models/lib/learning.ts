/**
 * Learning: the student's model, as the student compiled it, trains in the grader under a fixed,
 * seeded budget on real data, and must reach a score relative to the reference's under the same
 * budget. The reference's result is computed once per grading environment (the check's memo).
 * A model that equals the reference in every config entry, in its compile settings and in its
 * predictions with the reference's weights would learn exactly as the reference does: it is not
 * trained again, which keeps a correct submission fast.
 */
import type * as TF from '@tensorflow/tfjs';
import type { CheckContext, CheckDefinition, CheckVerdict } from '../../../grader/model/check.js';
import type { Localized } from '../../../grader/model/localized.js';
import type { Tf } from '../../../grader/tf/backend.js';
import { compileSettings } from '../../../grader/tf/model-json.js';
import { evaluateAccuracy, trainBudgeted } from '../../../grader/tf/train.js';
import { compareArchitecture, diagnoseArchitecture } from './compare.js';
import { CLASSIFIER, compileProblem, sameCompile, type CompileInfo } from './compile.js';
import type { TaskData } from './data.js';
import { modelFacts, sameFacts } from './facts.js';
import { referenceModel, withStudentModels, type StudentModel } from './fetch.js';
import { transplant } from './predictions.js';
import { callLabel, type ModelSpec } from './specs.js';

export interface Budget {
  readonly epochs: number;
  readonly batchSize: number;
  /** Samples per epoch (a seeded subset of the training set). */
  readonly maxSamples: number;
}

export interface LearningCheckOptions {
  readonly id: string;
  readonly title: Localized;
  readonly spec: ModelSpec;
  readonly budget: Budget;
  /** The data to train on, and a key naming it (a different data set is a different reference result). */
  readonly data: (ctx: CheckContext, tf: Tf) => { readonly key: string; readonly load: () => TaskData };
}

/** A classifier passes at this fraction of the reference's test accuracy. */
export const ACCURACY_RATIO = 0.8;
/** A regressor passes at this multiple of the reference's training MSE (or the reference's plus the slack). */
export const MSE_RATIO = 2;
export const MSE_SLACK = 0.01;
/** Wall-clock budget of one student training: a heavier model than the notes' stops there. */
export const STUDENT_TRAINING_MS = 20_000;

interface Score {
  readonly value: number;
  readonly samples: number;
  readonly stoppedEarly: boolean;
}

interface Training {
  readonly tf: Tf;
  readonly data: TaskData;
  readonly budget: Budget;
  readonly seed: number;
  /** Scored by test accuracy; otherwise by training MSE, as the notes' `model.evaluate(x_train, y_train)`. */
  readonly classifier: boolean;
  readonly timeLimitMs?: number;
}

async function score(model: TF.LayersModel, t: Training): Promise<number> {
  if (t.classifier) return evaluateAccuracy(model, t.data.test ?? t.data.train);
  const { tf, data } = t;
  const mse = tf.tidy(() => tf.mean(tf.square(tf.sub(model.predict(data.train.x) as TF.Tensor, data.train.y))));
  const value = (await mse.data())[0]!;
  mse.dispose();
  return value;
}

async function train(model: TF.LayersModel, t: Training): Promise<Score> {
  const r = await trainBudgeted(model, t.data.train, { ...t.budget, seed: t.seed, ...(t.timeLimitMs !== undefined ? { timeLimitMs: t.timeLimitMs } : {}) });
  return { value: await score(model, t), samples: r.samples, stoppedEarly: r.stoppedEarly };
}

function equalsReference(ctx: CheckContext, tf: Tf, student: StudentModel): boolean {
  const reference = referenceModel(ctx, student.spec);
  let same: boolean;
  try {
    const settings = compileSettings(reference);
    const refCompile: CompileInfo = settings ? { kind: 'settings', training: settings } : { kind: 'none' };
    same = !student.compileError && sameCompile(student.compile, refCompile) && sameFacts(modelFacts(student.model), modelFacts(reference));
  } finally {
    reference.dispose();
  }
  return same && transplant(ctx, tf, student).kind === 'same';
}

// A failed learning check names the architecture's mistake, else the compile settings'.
function diagnosisOf(ctx: CheckContext, student: StudentModel): string | undefined {
  const reference = referenceModel(ctx, student.spec);
  try {
    const structural = diagnoseArchitecture(compareArchitecture(modelFacts(student.model), modelFacts(reference)));
    if (structural) return structural;
  } finally {
    reference.dispose();
  }
  const problem = student.spec.compile ? compileProblem(student.compile, student.spec.compile) : undefined;
  return problem?.kind === 'loss' && problem.sparse ? 'model-sparse-loss' : undefined;
}

export function learningCheck(options: LearningCheckOptions): CheckDefinition {
  const { spec, budget } = options;
  const classifier = spec.compile === CLASSIFIER;
  return {
    id: options.id,
    title: options.title,
    run(ctx: CheckContext): Promise<CheckVerdict> {
      const t = ctx.t.models;
      const label = callLabel(spec);
      return withStudentModels(ctx, [spec], async (tf, [student]) => {
        if (equalsReference(ctx, tf, student)) return { status: 'passed', message: t.sameAsReference(label) };
        const diagnosis = diagnosisOf(ctx, student);
        const failed = (message: string): CheckVerdict => ({ status: 'failed', message, ...(diagnosis ? { diagnosis } : {}) });
        if (student.compile.kind === 'none') return failed(t.cannotTrainUncompiled(label));
        if (student.compile.kind === 'unserializable') return failed(t.unserializable(label, student.compile.detail));
        if (student.compileError) return failed(t.compileRejected(label, student.compileError));

        const source = options.data(ctx, tf);
        const data = ctx.memo(`data:${source.key}`, source.load);
        const what = t.budget({ samples: Math.min(budget.maxSamples, data.train.x.shape[0]), epochs: budget.epochs, batch: budget.batchSize, dataset: t.datasets[data.name] });
        const training: Training = { tf, data, budget, seed: ctx.seed, classifier };
        let got: Score;
        try {
          got = await train(student.model, { ...training, timeLimitMs: STUDENT_TRAINING_MS });
        } catch (e) {
          return failed(t.trainingFailed(label, what, (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 400)));
        }
        // After the student's: a model that cannot train at all needs no reference to compare with.
        const reference = await ctx.memo(`reference:${source.key}`, async () => {
          const model = referenceModel(ctx, spec);
          try {
            return await train(model, training);
          } finally {
            model.dispose();
          }
        });
        const stopped = got.stoppedEarly ? ` ${t.stoppedEarly(Math.round(STUDENT_TRAINING_MS / 1000), got.samples)}` : '';
        const want = classifier ? ACCURACY_RATIO * reference.value : Math.max(MSE_RATIO * reference.value, reference.value + MSE_SLACK);
        const outcome = { call: label, got: got.value, reference: reference.value, want, what };
        if (classifier) return got.value >= want ? { status: 'passed', message: t.accuracyOk(outcome) } : failed(t.accuracyLow(outcome) + stopped);
        return got.value <= want ? { status: 'passed', message: t.mseOk(outcome) } : failed(t.mseHigh(outcome) + stopped);
      });
    },
  };
}
