// `npm run bench -- models-learning`: how the learning checks' scores spread over seeds, for the
// reference, for correct models written with other standard initialisers, and for the
// catalogued wrong models (zeros initialiser, frozen layers, tiny or huge learning rate, wrong
// loss, ...). The thresholds written next to each learning check (exercises/models/checks/*-learns.ts)
// come from this script's output; docs/models-learning.md keeps the numbers measured.
// NEUROGRADE_BENCH_SEEDS (default 8) seeds per model and variant; NEUROGRADE_BENCH_MODELS
// (default all) a comma-separated subset of dense,cnn,deepCnn,rnn; NEUROGRADE_BENCH_VARIANTS
// (default all) a comma-separated subset of the variants' names.
import * as tf from '@tensorflow/tfjs';
import { imageData, sineData, type TaskData } from '../grader/kit/models/data.js';
import { learningBudgets } from '../exercises/models/budgets.js';
import { initBackend } from '../grader/tf/backend.js';
import { evaluateAccuracy, trainBudgeted } from '../grader/tf/train.js';
import * as reference from '../reference/models.js';

type Variant = { readonly name: string; readonly correct: boolean; readonly build: () => tf.LayersModel };
type Maker = (opts: { init?: string; trainable?: boolean; lr?: number; loss?: string }) => tf.LayersModel;

const SEEDS = Number(process.env.NEUROGRADE_BENCH_SEEDS ?? 8);
const ONLY = (process.env.NEUROGRADE_BENCH_MODELS ?? 'dense,cnn,deepCnn,rnn').split(',');
const VARIANTS = process.env.NEUROGRADE_BENCH_VARIANTS?.split(',');

function recompile(model: tf.LayersModel, base: { loss: string; optimizer: 'adam' | 'rmsprop' }, o: { lr?: number; loss?: string }): tf.LayersModel {
  const optimizer = o.lr === undefined ? base.optimizer : base.optimizer === 'adam' ? tf.train.adam(o.lr) : tf.train.rmsprop(o.lr);
  model.compile({ loss: o.loss ?? base.loss, optimizer, metrics: base.loss === 'categoricalCrossentropy' ? ['accuracy'] : [] });
  return model;
}

/** The reference's layers again, with another kernel initializer, frozen, or compiled otherwise. */
const makers: Record<string, Maker> = {
  dense: (o) => {
    const k = o.init ? { kernelInitializer: o.init } : {};
    const t = o.trainable === false ? { trainable: false } : {};
    const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 100, activation: 'relu', ...k, ...t }), tf.layers.dense({ units: 10, activation: 'softmax', ...k, ...t })] });
    return recompile(m, { loss: 'categoricalCrossentropy', optimizer: 'adam' }, o);
  },
  cnn: (o) => {
    const k = o.init ? { kernelInitializer: o.init } : {};
    const t = o.trainable === false ? { trainable: false } : {};
    const m = tf.sequential({ layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 64, kernelSize: 3, ...k, ...t }), tf.layers.activation({ activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }), tf.layers.flatten(), tf.layers.dense({ units: 10, ...k, ...t }), tf.layers.activation({ activation: 'softmax' }),
    ] });
    return recompile(m, { loss: 'categoricalCrossentropy', optimizer: 'adam' }, o);
  },
  deepCnn: (o) => {
    const k = o.init ? { kernelInitializer: o.init } : {};
    const t = o.trainable === false ? { trainable: false } : {};
    const m = tf.sequential({ layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 20, kernelSize: 3, padding: 'same', activation: 'relu', ...k, ...t }),
      tf.layers.conv2d({ filters: 20, kernelSize: 3, padding: 'same', activation: 'relu', ...k, ...t }),
      tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }), tf.layers.flatten(),
      tf.layers.dense({ units: 20, activation: 'relu', ...k, ...t }), tf.layers.dense({ units: 20, activation: 'relu', ...k, ...t }),
      tf.layers.dense({ units: 10, activation: 'softmax', ...k, ...t }),
    ] });
    return recompile(m, { loss: 'categoricalCrossentropy', optimizer: 'adam' }, o);
  },
  rnn: (o) => {
    const k = o.init ? { kernelInitializer: o.init } : {};
    const t = o.trainable === false ? { trainable: false } : {};
    const m = tf.sequential({ layers: [
      tf.layers.simpleRNN({ inputShape: [6, 1], units: 20, activation: 'relu', ...k, ...t }),
      tf.layers.dense({ units: 5, activation: 'relu', ...k, ...t }), tf.layers.dense({ units: 1, ...k, ...t }),
    ] });
    return recompile(m, { loss: 'meanSquaredError', optimizer: 'rmsprop' }, o);
  },
};

function variants(name: string): Variant[] {
  const make = makers[name]!;
  const classifier = name !== 'rnn';
  return [
    { name: 'reference', correct: true, build: () => (name === 'rnn' ? reference.rnnModel(6) : (reference as unknown as Record<string, () => tf.LayersModel>)[`${name}Model`]!()) },
    { name: 'glorotUniform', correct: true, build: () => make({ init: 'glorotUniform' }) },
    { name: 'heNormal', correct: true, build: () => make({ init: 'heNormal' }) },
    { name: 'heUniform', correct: true, build: () => make({ init: 'heUniform' }) },
    { name: 'zeros init', correct: false, build: () => make({ init: 'zeros' }) },
    { name: 'frozen', correct: false, build: () => make({ trainable: false }) },
    { name: 'lr 1e-5', correct: false, build: () => make({ lr: 1e-5 }) },
    { name: 'lr 10', correct: false, build: () => make({ lr: 10 }) },
    ...(classifier
      ? [{ name: 'loss sparseCategoricalCE', correct: false, build: () => make({ loss: 'sparseCategoricalCrossentropy' }) }]
      : [{ name: 'loss categoricalCE', correct: false, build: () => make({ loss: 'categoricalCrossentropy' }) }]),
    // Wrong for the compile check, yet it learns: the learning check is not what catches it.
    ...(classifier
      ? [{ name: '(loss meanSquaredError)', correct: false, build: () => make({ loss: 'meanSquaredError' }) }]
      : [{ name: '(loss meanAbsoluteError)', correct: false, build: () => make({ loss: 'meanAbsoluteError' }) }]),
  ];
}

async function scoreOf(model: tf.LayersModel, data: TaskData, classifier: boolean): Promise<number> {
  if (classifier) return evaluateAccuracy(model, data.test ?? data.train);
  const mse = tf.tidy(() => tf.mean(tf.square(tf.sub(model.predict(data.train.x) as tf.Tensor, data.train.y))));
  const v = (await mse.data())[0]!;
  mse.dispose();
  return v;
}

/** Prints, per model and variant, min / median / max of the score over the seeds and the time of one training. */
export async function benchModelsLearning(): Promise<void> {
  await initBackend();
  const budgets = learningBudgets;
  for (const name of ONLY) {
    const classifier = name !== 'rnn';
    const data = name === 'rnn' ? sineData(tf, 6) : imageData(tf, { flat: name === 'dense' });
    const budget = budgets[name as keyof typeof budgets];
    console.log(`${name}: ${JSON.stringify(budget)}, ${SEEDS} seeds, ${classifier ? 'test accuracy' : 'training MSE'}`);
    for (const v of variants(name).filter((x) => !VARIANTS || VARIANTS.includes(x.name))) {
      const scores: number[] = [];
      let ms = 0;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const model = v.build();
        const t0 = performance.now();
        try {
          await trainBudgeted(model, data.train, { ...budget, seed: seed * 7919 });
          scores.push(await scoreOf(model, data, classifier));
        } catch {
          scores.push(NaN);
        }
        ms += performance.now() - t0;
        (model.optimizer as tf.Optimizer | undefined)?.dispose();
        model.dispose();
      }
      const sorted = [...scores].sort((a, b) => a - b);
      const f = (x: number | undefined) => (x === undefined ? '-' : Math.abs(x) >= 1000 ? x.toExponential(1) : x.toFixed(3));
      console.log(`  ${(v.correct ? '+ ' : '- ') + v.name.padEnd(24)} min ${f(sorted[0])} median ${f(sorted[Math.floor(sorted.length / 2)])} max ${f(sorted[sorted.length - 1])}  [${scores.map((s) => f(s)).join(' ')}]  ${(ms / SEEDS / 1000).toFixed(1)} s/run`);
    }
  }
}
