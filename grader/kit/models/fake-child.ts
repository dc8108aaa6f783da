/**
 * A stand-in for the child for tests of the model checks' machinery: the "student's" builders run
 * in-process, their models sent in the wire form the child's encoder writes. Like fake-context.ts,
 * for tests where the sandbox is not what is under test.
 */
import * as tf from '@tensorflow/tfjs';
import { messages } from '../../i18n/index.js';
import type { Manifest } from '../../model/manifest.js';
import { serializeModel } from '../../tf/model-json.js';
import type { RebuiltModels } from '../../tf/rebuilt-models.js';
import type { CaseOutcome, CheckContext, StudentRun } from '../check.js';
import { createMemo, type Memo } from '../memo.js';

export type Builder = (...args: number[]) => tf.LayersModel;
export type Module = Record<string, Builder>;

const manifest: Manifest = {
  id: 'models-test',
  title: { en: 'Models', fr: 'Modèles' },
  summary: { en: 'Models', fr: 'Modèles' },
  file: 'models.ts',
  exports: ['denseModel', 'cnnModel', 'deepCnnModel', 'rnnModel', 'lstmModel'],
  tolerance: { atol: 1e-4, rtol: 1e-3 },
  checks: { fake: { points: 1, public: true } },
};

/** What the child sends for a model: the wire form the child's encoder writes. */
export function answer(model: tf.LayersModel): CaseOutcome {
  const { topology, training } = serializeModel(model);
  model.dispose();
  return { ok: true, outputs: [{ kind: 'model', topology: JSON.parse(JSON.stringify(topology)), compile: training ? JSON.parse(JSON.stringify(training)) : null }] };
}

export interface Child {
  readonly asked: string[][];
  run(cases: readonly (readonly { readonly op: string; readonly fn?: string; readonly args?: readonly unknown[] }[])[]): Promise<StudentRun>;
}

/** A "child" that runs the builders of `student` in-process and records which it was asked for; `fail` makes its next run time out. */
export function child(student: Module, options: { fail?: number } = {}): Child {
  const asked: string[][] = [];
  let runs = 0;
  return {
    asked,
    async run(cases) {
      runs++;
      if (runs === options.fail) return { ok: false, failure: { kind: 'timeout', limitMs: 10 } };
      asked.push(cases.map((steps) => steps[0]!.fn!));
      return { ok: true, cases: cases.map((steps) => answer(student[steps[0]!.fn!]!(...(steps[0]!.args as { data: number }[]).map((a) => a.data)))) };
    },
  };
}

export function context(c: Child, options: { readonly reference: Readonly<Record<string, unknown>>; readonly childValues?: Map<string, unknown>; readonly memo?: Memo; readonly seed?: number; readonly rebuiltModels?: RebuiltModels }): CheckContext {
  const memo = options.memo ?? createMemo();
  return {
    exercise: manifest,
    reference: options.reference,
    tolerance: manifest.tolerance,
    seed: options.seed ?? 7,
    visibility: 'public',
    lang: 'en',
    t: messages('en'),
    memo,
    exerciseMemo: memo,
    ...(options.childValues ? { childValues: options.childValues } : {}),
    ...(options.rebuiltModels ? { rebuiltModels: options.rebuiltModels } : {}),
    run: (cases) => c.run(cases as Parameters<Child['run']>[0]),
  };
}

/** The notes' dense network with `units` hidden units, compiled as the notes compile it. */
export function denseWith(units: number): tf.LayersModel {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units, activation: 'relu' }), tf.layers.dense({ units: 10, activation: 'softmax' })] });
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}
