import { describe, expect, it } from 'vitest';
import { initBackend, type Tf } from './backend.js';
import { createRebuiltModels, rebuildFromJson, RebuildFailure, type RebuildFn } from './rebuilt-models.js';

const orthogonal = { class_name: 'Orthogonal', config: { gain: 1, seed: null } };
// A SimpleRNN whose kernel is drawn by an Orthogonal initializer and whose recurrent one is left
// out (tfjs' default, Orthogonal too), then a Dense: what a copy must keep is not only weights.
const rnn = {
  class_name: 'Sequential',
  config: {
    name: 's',
    layers: [
      { class_name: 'SimpleRNN', config: { units: 6, batch_input_shape: [null, 3, 2], kernel_initializer: orthogonal } },
      { class_name: 'Dense', config: { units: 2, kernel_initializer: { class_name: 'RandomNormal', config: { mean: 0, stddev: 1, seed: null } } } },
    ],
  },
};
const dense = { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { units: 3, batch_input_shape: [null, 4] } }] } };

function counting(): { rebuild: RebuildFn; calls: () => number } {
  let calls = 0;
  return { rebuild: (tf, topology) => ((calls += 1), rebuildFromJson(tf, topology)), calls: () => calls };
}

const unnamed = (model: { toJSON(a: null, b: false): unknown }): string => JSON.stringify(model.toJSON(null, false), (k, v: unknown) => (k === 'name' ? undefined : v));
const weightsOf = (model: { getWeights(): { arraySync(): unknown }[] }): unknown[] => model.getWeights().map((w) => w.arraySync());

describe('createRebuiltModels', () => {
  const backend = (): Promise<Tf> => initBackend().then((b) => b.tf);

  it('rebuilds a topology once for any number of checks, each check getting a model of its own with the same configuration and weights', async () => {
    const tf = await backend();
    const { rebuild, calls } = counting();
    const models = createRebuiltModels(rebuild);
    const copies = [await models.copy(tf, rnn), await models.copy(tf, rnn), await models.copy(tf, rnn), await models.copy(tf, rnn)];
    expect(calls()).toBe(1);
    expect(new Set(copies).size).toBe(4);
    const direct = await rebuildFromJson(tf, rnn);
    for (const copy of copies) {
      expect(unnamed(copy)).toBe(unnamed(direct));
      expect(weightsOf(copy)).toEqual(weightsOf(copies[0]!));
    }
    // The initializers themselves, not Zeros: the architecture check compares them, the learning check draws from them.
    const config = copies[1]!.layers[0]!.getConfig() as { kernelInitializer: { className: string }; recurrentInitializer: { className: string } };
    expect([config.kernelInitializer.className, config.recurrentInitializer.className]).toEqual(['Orthogonal', 'Orthogonal']);
    direct.dispose();
    models.close();
    for (const copy of copies) copy.dispose();
  });

  it("gives every check a fresh copy: one check's weights written or trained never reach the next", async () => {
    const tf = await backend();
    const models = createRebuiltModels();
    const first = await models.copy(tf, rnn);
    const drawn = weightsOf(first);
    first.setWeights(first.getWeights().map((w) => tf.zerosLike(w)));
    first.dispose();
    const second = await models.copy(tf, rnn);
    expect(weightsOf(second)).toEqual(drawn);
    second.dispose();
    models.close();
  });

  it('keeps copies handed out usable after close, and rebuilds distinct topologies apart', async () => {
    const tf = await backend();
    const { rebuild, calls } = counting();
    const models = createRebuiltModels(rebuild);
    const a = await models.copy(tf, rnn);
    const b = await models.copy(tf, dense);
    expect(calls()).toBe(2);
    models.close();
    const y = b.predict(tf.ones([1, 4])) as ReturnType<typeof tf.ones>;
    expect(y.shape).toEqual([1, 3]);
    y.dispose();
    a.dispose();
    b.dispose();
  });

  it("rebuilds once a model the student's builder makes again with new layer names, a functional chain's references included", async () => {
    const tf = await backend();
    const build = (): Record<string, unknown> => {
      const input = tf.input({ shape: [4] });
      const output = tf.layers.dense({ units: 2 }).apply(tf.layers.dense({ units: 3 }).apply(input)) as ReturnType<typeof tf.input>;
      const model = tf.model({ inputs: input, outputs: output });
      return JSON.parse(JSON.stringify(model.toJSON(null, false))) as Record<string, unknown>;
    };
    const [first, second] = [build(), build()];
    expect(JSON.stringify(first)).not.toBe(JSON.stringify(second));
    const { rebuild, calls } = counting();
    const models = createRebuiltModels(rebuild);
    const copies = [await models.copy(tf, first), await models.copy(tf, second)];
    expect(calls()).toBe(1);
    // Each copy is named as the topology its check asked for.
    expect(copies.map((c) => c.layers.map((l) => l.name))).toEqual([first, second].map((t) => (t.config as { layers: { name: string }[] }).layers.map((l) => l.name)));
    models.close();
    for (const copy of copies) copy.dispose();
  });

  it("tries a topology whose rebuild throws once: every check gets the same error, with the topology whose layer names it quotes", async () => {
    const tf = await backend();
    const { rebuild, calls } = counting();
    const models = createRebuiltModels(rebuild);
    // Named as two calls of the student's builder name them: the second check's topology is written with other names.
    const broken = (name: string) => ({ class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { name, batch_input_shape: [null, 4] } }] } });
    const first = await models.copy(tf, broken('dense_Dense1')).catch((e: unknown) => e);
    const second = await models.copy(tf, broken('dense_Dense7')).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(RebuildFailure);
    expect(second).toBe(first);
    expect((first as RebuildFailure).topology).toEqual(broken('dense_Dense1'));
    expect((first as RebuildFailure).error).toBeInstanceOf(Error);
    expect(calls()).toBe(1);
    models.close();
  });
});
