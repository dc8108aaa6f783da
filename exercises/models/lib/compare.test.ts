import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compileSettings } from '../../../grader/tf/model-json.js';
import * as reference from '../../../reference/models.js';
import { mistakes } from '../mistakes/index.js';
import { compareArchitecture, diagnoseArchitecture } from './compare.js';
import { compileProblem, inspectCompile } from './compile.js';
import { modelFacts, sameFacts } from './facts.js';
import { CNN, DEEP_CNN, DENSE, LSTM, RNN, type ModelSpec } from './specs.js';

const SPECS: Record<string, ModelSpec> = { denseModel: DENSE, cnnModel: CNN, deepCnnModel: DEEP_CNN, rnnModel: RNN, lstmModel: LSTM };
type Builder = (...args: number[]) => tf.LayersModel;
const build = (mod: Record<string, unknown>, spec: ModelSpec): tf.LayersModel => (mod[spec.fn] as Builder)(...spec.args);
const facts = (m: tf.LayersModel) => modelFacts(m);

/** The name the checks give a student's model: the architecture's mistake, else the compile's. */
function named(student: tf.LayersModel, spec: ModelSpec): string | undefined {
  const structural = diagnoseArchitecture(compareArchitecture(facts(student), facts(build(reference, spec))));
  if (structural) return structural;
  const info = inspectCompile(JSON.parse(JSON.stringify(compileSettings(student))));
  const problem = info && spec.compile ? compileProblem(info, spec.compile) : undefined;
  return problem?.kind === 'loss' && problem.sparse ? 'model-sparse-loss' : undefined;
}

describe('structural comparison', () => {
  it.each(Object.values(SPECS).map((s) => [s.fn, s] as const))('finds no difference between the reference %s and itself', (_, spec) => {
    expect(compareArchitecture(facts(build(reference, spec)), facts(build(reference, spec)))).toEqual([]);
  });

  it.each(mistakes.map((m) => [m.id, m] as const))("names %s from the catalogue's own mistaken builder", (id, mistake) => {
    for (const fn of Object.keys(mistake.overrides)) expect(named(build(mistake.overrides, SPECS[fn]!), SPECS[fn]!)).toBe(id);
  });

  it('folds an activation layer into the layer before it: Conv2D + Activation(relu) reads as Conv2D(relu)', () => {
    const fused = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 64, kernelSize: 3, activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 10 }),
        tf.layers.softmax(),
      ],
    });
    expect(compareArchitecture(facts(fused), facts(reference.cnnModel()))).toEqual([]);
    expect(sameFacts(facts(fused), facts(reference.cnnModel()))).toBe(true);
  });

  it('tells a missing ReLU from a missing softmax', () => {
    const noRelu = tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 100 }), tf.layers.dense({ units: 10, activation: 'softmax' })] });
    const diffs = compareArchitecture(facts(noRelu), facts(reference.denseModel()));
    expect(diffs).toMatchObject([{ kind: 'field', field: 'activation', want: 'relu', got: 'linear', last: false }]);
    expect(diagnoseArchitecture(diffs)).toBe('model-wrong-activation');
  });

  it('names nothing when the differences point at different mistakes', () => {
    const both = tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 50, activation: 'relu' }), tf.layers.dense({ units: 10 })] });
    const diffs = compareArchitecture(facts(both), facts(reference.denseModel()));
    expect(diffs.map((d) => d.kind)).toEqual(['field', 'field']);
    expect(diagnoseArchitecture(diffs)).toBeUndefined();
  });

  it('sees an initializer change as a different model (trained again), though not as an architecture difference', () => {
    const zeros = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [784], units: 100, activation: 'relu', kernelInitializer: 'zeros' }), tf.layers.dense({ units: 10, activation: 'softmax' })],
    });
    expect(compareArchitecture(facts(zeros), facts(reference.denseModel()))).toEqual([]);
    expect(sameFacts(facts(zeros), facts(reference.denseModel()))).toBe(false);
  });
});
