/**
 * A grading worker of `neurograde batch`: builds one environment, then grades the submissions
 * the parent sends, one at a time. Forked as built JS (or with the tsx loader from sources); exits with its parent.
 */
import { GraderError } from '../model/errors.js';
import { createEnvironment } from '../execute/environment.js';
import { gradeSubmission, type GradingEnvironment } from '../execute/grade-submission.js';
import type { GradeOptions } from '../execute/options.js';
import type { SubmissionResult } from '../model/results.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

const backendFaulted = (r: SubmissionResult): boolean => r.exercises.some((e) => e.checks.some((c) => c.status === 'error' && c.code === 'tf-backend'));

const describe = (e: unknown): string =>
  e instanceof GraderError ? `[${e.code}] ${e.message}` : e instanceof Error ? (e.stack ?? e.message) : String(e);

function serve(send: (m: FromWorker) => void): (m: ToWorker) => void {
  let env: Promise<GradingEnvironment> | undefined;
  let built: GradingEnvironment | undefined;
  let options: GradeOptions = {};
  return (m) => {
    if (m.type === 'init') {
      options = m.init.options;
      // One submission after another: each boots the next one's children while its checks run.
      env = createEnvironment({
        ...(m.init.only ? { only: m.init.only } : {}),
        ...(m.init.roots ? { roots: m.init.roots } : {}),
        ...(m.init.modelResults ? { modelResults: m.init.modelResults } : {}),
        spareChildren: true,
      });
      env.then(
        (e) => {
          built = e;
          send({ type: 'ready' });
        },
        (e) => send({ type: 'fatal', message: describe(e) }),
      );
    } else if (m.type === 'grade') {
      if (!env) return send({ type: 'error', id: m.id, message: 'the worker got a submission before its environment' });
      env
        .then((e) => gradeSubmission(e, m.dir, m.varyHidden !== undefined ? { ...options, varyHidden: m.varyHidden } : options))
        .then(
          // After a fault of its TensorFlow.js backend the worker retires: the next submission gets a fresh process.
          (result) => send({ type: 'result', id: m.id, result, ...(backendFaulted(result) ? { retire: true } : {}) }),
          (e) => send({ type: 'error', id: m.id, message: describe(e) }),
        );
    } else if (m.type === 'stop') {
      built?.spareChildren?.close();
      process.disconnect?.();
    }
  };
}

process.on('message', serve((m) => process.send?.(m)));
// The parent died or is done: nothing else will ever be asked.
process.on('disconnect', () => process.exit(0));
