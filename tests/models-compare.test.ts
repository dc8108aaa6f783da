import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compileSettings } from '../grader/tf/model-json.js';
import * as reference from '../reference/models.js';
import { mistakes } from '../exercises/models/mistakes/index.js';
import { en } from '../grader/i18n/en/index.js';
import { compareArchitecture, diagnoseArchitecture } from '../grader/kit/models/compare.js';
import { architectureMessage } from '../grader/kit/models/explain.js';
import { compileProblem, inspectCompile } from '../grader/kit/models/compile.js';
import { modelFacts, sameFacts } from '../grader/kit/models/facts.js';
import type { ModelSpec } from '../grader/kit/models/spec.js';
import { CNN, DEEP_CNN, DENSE, LSTM, RNN } from '../exercises/models/specs.js';

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

  it('names a zeros kernel initializer as a difference; a standard one (glorotUniform, heNormal) is none, yet not the same model', () => {
    const withInit = (kernelInitializer: string) => tf.sequential({
      layers: [tf.layers.dense({ inputShape: [784], units: 100, activation: 'relu', kernelInitializer }), tf.layers.dense({ units: 10, activation: 'softmax' })],
    });
    expect(compareArchitecture(facts(withInit('zeros')), facts(reference.denseModel()))).toMatchObject([{ kind: 'field', field: 'kernelInitializer', got: { className: 'Zeros' } }]);
    for (const standard of ['glorotUniform', 'heNormal', 'heUniform', 'leCunNormal']) {
      expect(compareArchitecture(facts(withInit(standard)), facts(reference.denseModel()))).toEqual([]);
      expect(sameFacts(facts(withInit(standard)), facts(reference.denseModel()))).toBe(false);
    }
    expect(sameFacts(facts(withInit('glorotNormal')), facts(reference.denseModel()))).toBe(true);
  });

  it.each<[string, () => tf.LayersModel, ModelSpec, string]>([
    ['frozen layers', () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 100, activation: 'relu', trainable: false }), tf.layers.dense({ units: 10, activation: 'softmax' })] }), DENSE, 'trainable'],
    ['goBackwards', () => tf.sequential({ layers: [tf.layers.simpleRNN({ inputShape: [6, 1], units: 20, activation: 'relu', goBackwards: true }), tf.layers.dense({ units: 5, activation: 'relu' }), tf.layers.dense({ units: 1 })] }), RNN, 'goBackwards'],
    ['a dilation rate', () => tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 64, kernelSize: 3, dilationRate: 2 }), tf.layers.activation({ activation: 'relu' }), tf.layers.maxPooling2d({ poolSize: 2 }), tf.layers.flatten(), tf.layers.dense({ units: 10, activation: 'softmax' })] }), CNN, 'dilationRate'],
    ['a regularizer the notes do not have', () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 100, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }) }), tf.layers.dense({ units: 10, activation: 'softmax' })] }), DENSE, 'kernelRegularizer'],
  ])('names %s as a difference of the architecture', (_, make, spec, field) => {
    expect(compareArchitecture(facts(make()), facts(build(reference, spec)))).toMatchObject([{ kind: 'field', field }]);
  });

  it('does not fold an activation into a SimpleRNN: a linear SimpleRNN then ReLU computes another function', () => {
    const rnn = tf.sequential({ layers: [tf.layers.simpleRNN({ inputShape: [6, 1], units: 20, activation: 'linear' }), tf.layers.activation({ activation: 'relu' }), tf.layers.dense({ units: 5, activation: 'relu' }), tf.layers.dense({ units: 1 })] });
    expect(compareArchitecture(facts(rnn), facts(reference.rnnModel(6)))).toMatchObject([{ kind: 'extra-layer' }]);
  });

  it.each<[string, () => tf.LayersModel, ModelSpec]>([
    ['a Reshape to a flat vector for Flatten', () => tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 64, kernelSize: 3, activation: 'relu' }), tf.layers.maxPooling2d({ poolSize: 2 }), tf.layers.reshape({ targetShape: [10816] }), tf.layers.dense({ units: 10, activation: 'softmax' })] }), CNN],
    ["pooling padding 'same' where it pads nothing", () => tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 64, kernelSize: 3, activation: 'relu' }), tf.layers.maxPooling2d({ poolSize: 2, padding: 'same' }), tf.layers.flatten(), tf.layers.dense({ units: 10, activation: 'softmax' })] }), CNN],
    ["the notes' (Keras') LSTM recurrentActivation 'sigmoid'", () => {
      const input = tf.input({ shape: [20, 8] });
      return tf.model({ inputs: input, outputs: tf.layers.lstm({ units: 16, returnSequences: true, returnState: true, recurrentActivation: 'sigmoid' }).apply(input) as tf.SymbolicTensor[] });
    }, LSTM],
  ])('reads %s as the notes\' model', (_, make, spec) => {
    expect(compareArchitecture(facts(make()), facts(build(reference, spec)))).toEqual([]);
  });
});

describe('architecture messages', () => {
  it('gives every output of a layer with several: an LSTM without its states outputs 20x16 instead of 20x16, 16, 16', () => {
    const input = tf.input({ shape: [20, 8] });
    const noState = tf.model({ inputs: input, outputs: tf.layers.lstm({ units: 16, returnSequences: true }).apply(input) as tf.SymbolicTensor });
    const student = facts(noState), ref = facts(reference.lstmModel());
    const diffs = compareArchitecture(student, ref);
    const message = architectureMessage(en.models, { call: 'lstmModel()', diffs, student, reference: ref });
    expect(message).toMatch(/^Expected the returnState option of the LSTM layer \(layer 1\) in lstmModel\(\) to be true, but got false\. As a result, the LSTM layer \(layer 1\) outputs 20x16 instead of 20x16, 16, 16\./);
  });

  it("says nothing of Conv2D padding for a pooling layer's padding", () => {
    const samePool = tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 4, kernelSize: 2, activation: 'relu' }), tf.layers.maxPooling2d({ poolSize: 2, padding: 'same' }), tf.layers.flatten(), tf.layers.dense({ units: 10, activation: 'softmax' })] });
    const validPool = tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 4, kernelSize: 2, activation: 'relu' }), tf.layers.maxPooling2d({ poolSize: 2 }), tf.layers.flatten(), tf.layers.dense({ units: 10, activation: 'softmax' })] });
    const diffs = compareArchitecture(facts(samePool), facts(validPool));
    expect(diffs).toMatchObject([{ kind: 'field', field: 'padding', want: 'valid', got: 'same' }]);
    expect(diagnoseArchitecture(diffs)).toBeUndefined();
    expect(architectureMessage(en.models, { call: 'cnnModel()', diffs, student: facts(samePool), reference: facts(validPool) })).not.toMatch(/keeps/);
  });
});
