// `npm run bench -- models`: how fast the grader can train the course's models.
// - backend import/initialisation in a fresh process (what every sandboxed child pays),
// - the convolution gradients of a 3x3x20x20 layer on 64 images of 28x28x20 (wasm, ours),
// - training throughput of deepCnnModel at batch 64: wasm + our kernels (target >= 300
//   samples/s on 2 cores), stock wasm (cannot train a CNN), stock cpu and cpu + our gradient.
// NEUROGRADE_BENCH_CPU_BATCHES (default 1) sets how many stock-cpu batches to time: each takes
// minutes, because the stock cpu filter gradient is naive loops.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as TF from '@tensorflow/tfjs';
import { loadMnist } from '../grader/data/mnist.js';
import { initBackend, restoreStockKernels, type Tf } from '../grader/tf/backend.js';
import { conv2dFilterGradient, conv2dInputGradient, installFastConvGradients } from '../grader/tf/conv2d-gradient.js';
import { cnnModel, deepCnnModel } from '../reference/models.js';
import { formatMs, stats } from './stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const fmt = (ms: number[]): string => formatMs(ms, 1);

/** Import + wasm initialisation in a fresh node process, as a sandboxed child pays it. */
function freshProcessInit(): { importMs: number; initMs: number } {
  const code = `
    const t0 = performance.now();
    const tf = await import('@tensorflow/tfjs');
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const t1 = performance.now();
    const { createRequire } = await import('node:module');
    const path = await import('node:path');
    const dir = path.dirname(createRequire(process.cwd() + '/').resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    wasm.setWasmPaths(dir + path.sep);
    await tf.setBackend('wasm');
    await tf.ready();
    console.log(JSON.stringify({ importMs: t1 - t0, initMs: performance.now() - t1 }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as { importMs: number; initMs: number };
}

async function timeIt(tf: Tf, n: number, f: () => TF.Tensor): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n + 1; i++) {
    const t0 = performance.now();
    const r = f();
    await r.data();
    if (i > 0) ms.push(performance.now() - t0); // the first run packs weights, grows the heap
    tf.dispose(r);
  }
  return ms;
}

async function convGradients(tf: Tf): Promise<void> {
  const x = tf.randomNormal([64, 28, 28, 20], 0, 1, 'float32', 1) as TF.Tensor4D;
  const f = tf.randomNormal([3, 3, 20, 20], 0, 1, 'float32', 2) as TF.Tensor4D;
  const dy = tf.randomNormal([64, 28, 28, 20], 0, 1, 'float32', 3) as TF.Tensor4D;
  console.log(`conv 3x3x20x20, batch 64 of 28x28x20, ${tf.getBackend()}:`);
  console.log(`  forward conv2d            ${fmt(await timeIt(tf, 9, () => tf.conv2d(x, f, 1, 'same')))}`);
  console.log(`  filter gradient (ours)    ${fmt(await timeIt(tf, 9, () => conv2dFilterGradient(tf, x, dy, [3, 3, 20, 20], 1, 'same')))}`);
  console.log(`  input gradient (ours)     ${fmt(await timeIt(tf, 9, () => conv2dInputGradient(tf, [64, 28, 28, 20], dy, f, 1, 'same')))}`);
  tf.dispose([x, f, dy]);
}

type Timings = { wall: number[]; cpu: number[] };

/**
 * Per-batch wall and CPU times of trainOnBatch on real digits, after `warmup` untimed batches.
 * CPU time (this process, user + system) is what a batch costs without competition: wasm runs
 * on one thread, so on an idle machine it matches the wall time, and it stays meaningful when
 * other processes load the machine (they inflate the wall time only).
 */
async function trainBatches(tf: Tf, make: () => TF.LayersModel, batches: number, warmup: number, data: { x: TF.Tensor; y: TF.Tensor }): Promise<Timings> {
  const model = make();
  const t: Timings = { wall: [], cpu: [] };
  for (let i = 0; i < warmup + batches; i++) {
    const start = ((i * 64) % (data.x.shape[0] - 63));
    const [xb, yb] = [tf.slice(data.x, start, 64), tf.slice(data.y, start, 64)];
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await model.trainOnBatch(xb, yb);
    const c = process.cpuUsage(c0);
    if (i >= warmup) {
      t.wall.push(performance.now() - t0);
      t.cpu.push((c.user + c.system) / 1000);
    }
    tf.dispose([xb, yb]);
  }
  model.dispose();
  return t;
}

const throughput = ({ wall, cpu }: Timings) => {
  const rate = (ms: number[]) => {
    const r = 64_000 / stats(ms).median;
    return r.toFixed(r < 10 ? 2 : 0);
  };
  return `${rate(wall)} samples/s wall (batch ${fmt(wall)}); ${rate(cpu)} samples/s by CPU time (median ${stats(cpu).median.toFixed(1)} ms)`;
};

/** Prints the model-training benchmarks (see the file header). */
export async function benchModels(): Promise<void> {
  // Other processes skew every number here: say how busy the machine was.
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  const fresh = freshProcessInit();
  console.log(`fresh process: import tfjs + tfjs-backend-wasm ${fresh.importMs.toFixed(0)} ms, wasm init ${fresh.initMs.toFixed(0)} ms`);
  const t0 = performance.now();
  const { tf, name } = await initBackend();
  console.log(`initBackend() in this process: ${(performance.now() - t0).toFixed(0)} ms -> ${name}`);

  await convGradients(tf);

  const { train } = loadMnist({ trainCount: 1024, testCount: 0, seed: 0 });
  const data = { x: tf.tensor4d(train.images, [train.count, 28, 28, 1]), y: tf.tensor2d(train.oneHot, [train.count, 10]) };
  console.log('training throughput, batch 64 of MNIST:');
  console.log(`  deepCnnModel, wasm + ours:  ${throughput(await trainBatches(tf, deepCnnModel, 12, 2, data))}`);
  console.log(`  cnnModel,     wasm + ours:  ${throughput(await trainBatches(tf, cnnModel, 12, 2, data))}`);

  restoreStockKernels(tf);
  try {
    await trainBatches(tf, deepCnnModel, 1, 0, data);
    console.log('  deepCnnModel, stock wasm:   trained (unexpected: tfjs gained a Conv2DBackpropFilter kernel)');
  } catch (err) {
    console.log(`  deepCnnModel, stock wasm:   cannot train: ${(err as Error).message}`);
  }

  await tf.setBackend('cpu');
  const cpuData = { x: tf.tensor(data.x.dataSync(), data.x.shape), y: tf.tensor(data.y.dataSync(), data.y.shape) };
  const cpuBatches = Number(process.env.NEUROGRADE_BENCH_CPU_BATCHES ?? 1);
  if (cpuBatches > 0) console.log(`  deepCnnModel, stock cpu:    ${throughput(await trainBatches(tf, deepCnnModel, cpuBatches, 0, cpuData))}`);
  installFastConvGradients(tf); // only the Conv2D gradient: cpu keeps its stock kernels
  console.log(`  deepCnnModel, cpu + ours:   ${throughput(await trainBatches(tf, deepCnnModel, 3, 1, cpuData))}`);

  tf.dispose([cpuData.x, cpuData.y, data.x, data.y]);
  await initBackend(); // back to wasm with everything installed, for whoever runs next
}
