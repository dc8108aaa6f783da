import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graderFaulted } from '../grader/batch/cache.js';
import type { CheckResult } from '../grader/model/results.js';
import type { GradingEnvironment } from '../grader/execute/grade-submission.js';
import { backendIdentity, initBackend } from '../grader/tf/backend.js';
import { check, environment, EXAMPLES, exercise, grade } from './support/grade.js';

/**
 * A fault of the grader's TensorFlow.js backend (a wasm `memory access out of bounds`, as a
 * 1.9 GB layer once caused) is the grader's, never the student's: the check says so with a code,
 * the backend is replaced at once, the next submission is graded on the fresh one, and the
 * batch never keeps such a grade as cached. The fault is injected as the wasm module raises it,
 * from the Softmax kernel the predictions of every classifier go through, once.
 */
let env: GradingEnvironment;
let restore: (() => void) | undefined;

beforeAll(async () => {
  env = await environment(['models']);
});
afterEach(() => restore?.());

function faultOnce(kernelName: string): void {
  const stock = tf.getKernel(kernelName, 'wasm')!;
  let thrown = false;
  tf.unregisterKernel(kernelName, 'wasm');
  tf.registerKernel({
    ...stock,
    kernelFunc: (args) => {
      if (!thrown) {
        thrown = true;
        throw new WebAssembly.RuntimeError('memory access out of bounds');
      }
      return stock.kernelFunc(args);
    },
  });
  restore = () => {
    tf.unregisterKernel(kernelName, 'wasm');
    tf.registerKernel(stock);
    restore = undefined;
  };
}

const only = (e: GradingEnvironment, ids: readonly string[]): GradingEnvironment => ({ ...e, exercises: e.exercises.map((x) => ({ ...x, checks: x.checks.filter((c) => ids.includes(c.id)) })) });
const statusOf = (c: CheckResult) => [c.id, c.status, c.status === 'error' ? c.code : undefined];

describe('a fault of the TensorFlow.js backend', () => {
  it('is the check\'s error with code tf-backend, the backend is replaced, and the next check and submission are graded on the fresh one', async () => {
    const { tf: grader } = await initBackend();
    const before = backendIdentity(grader);
    const checks = only(env, ['dense-predictions', 'cnn-predictions']);
    faultOnce('Softmax');
    const faulted = await grade(checks, join(EXAMPLES, 'correct'));
    const c = check(faulted, 'models', 'dense-predictions');
    expect(c.status === 'error' && c.code).toBe('tf-backend');
    expect(c.status === 'error' && c.message).toMatch(/^Expected the grader's TensorFlow\.js backend to work on denseModel\(\), but it failed: a fault of the grader, not of this code\./);
    expect(backendIdentity(grader)).not.toBe(before);
    // The check after it ran on the fresh backend.
    expect(check(faulted, 'models', 'cnn-predictions').status).toBe('passed');
    expect(graderFaulted(faulted)).toBe(true);

    const next = await grade(checks, join(EXAMPLES, 'correct'));
    expect(exercise(next, 'models').checks.map(statusOf)).toEqual([['dense-predictions', 'passed', undefined], ['cnn-predictions', 'passed', undefined]]);
    expect(graderFaulted(next)).toBe(false);
  });
});
