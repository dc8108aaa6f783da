import { CLASSIFIER, compileProblem, type CompileProblem, type CompileSpec, withCheckedModels, callLabel } from 'neurograde/kit/models';
import type { CheckContext, CheckDefinition, CheckVerdict } from 'neurograde/kit';
import { COMPILED } from '../specs.js';

function message(ctx: CheckContext, label: string, spec: CompileSpec, p: CompileProblem): string {
  const t = ctx.t.models;
  switch (p.kind) {
    case 'not-compiled':
      return t.notCompiled(label, t.compileWanted({ loss: spec.lossName, optimizer: spec.optimizerName, accuracy: spec.metrics.length > 0 }));
    case 'unserializable':
      return t.unserializable(label, spec.lossName, p.detail);
    case 'loss':
      return t.loss({ call: label, want: spec.lossName, got: p.got, sparse: p.sparse });
    case 'optimizer':
      return t.optimizer(label, spec.optimizerName, p.got);
    case 'metrics':
      return t.metrics(label, p.got);
  }
}

/**
 * The four compiled models: one-hot labels want categorical cross-entropy, Adam and accuracy
 * for the classifiers; mean squared error and RMSprop for the RNN. Names a sparse loss.
 */
export const compileSettings: CheckDefinition = {
  id: 'compile-settings',
  title: { fr: 'Compilation : loss, optimiseur et métriques du cours', en: "Compile settings: the notes' losses, optimizers and metrics" },
  run: (ctx: CheckContext): Promise<CheckVerdict> =>
    withCheckedModels(ctx, COMPILED, (_tf, models) => {
      for (const student of models) {
        const spec = student.spec.compile!;
        const label = callLabel(student.spec);
        const problem = compileProblem(student.compile, spec);
        if (problem) {
          const sparse = problem.kind === 'loss' && problem.sparse && spec === CLASSIFIER;
          return { status: 'failed', message: message(ctx, label, spec, problem), ...(sparse ? { diagnosis: 'model-sparse-loss' } : {}) };
        }
        if (student.summary.compileError) return { status: 'failed', message: ctx.t.models.compileRejected(label, student.summary.compileError) };
      }
      return { status: 'passed', message: ctx.t.models.compileOk(models.length) };
    }),
};
