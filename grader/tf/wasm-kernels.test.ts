import type * as TF from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, type Tf } from './backend.js';
import { registerWasmKernelPatches } from './wasm-kernels.js';

let tf: Tf;
let restore: () => void;
const stock: Record<string, TF.KernelConfig['kernelFunc']> = {};
beforeAll(async () => {
  ({ tf } = await initBackend({ prefer: ['wasm'], fastKernels: false }));
  for (const k of ['BatchMatMul', 'MaxPoolGrad', 'Sum']) stock[k] = tf.getKernel(k, 'wasm')!.kernelFunc;
  restore = registerWasmKernelPatches(tf);
});
afterAll(() => restore());

/** Runs `f` on stock cpu and on patched wasm; returns both outputs as flat arrays. */
async function both(f: () => TF.Tensor | TF.Tensor[]): Promise<[Float32Array[], Float32Array[]]> {
  const run = () => tf.tidy(() => {
    const out = f();
    return (Array.isArray(out) ? out : [out]).map((t) => t.dataSync() as Float32Array);
  });
  await tf.setBackend('cpu');
  const want = run();
  await tf.setBackend('wasm');
  return [run(), want];
}

function expectClose(got: Float32Array[], want: Float32Array[], tol = 1e-4): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    expect(g.length).toBe(want[i].length);
    let worst = 0;
    for (let j = 0; j < g.length; j++) worst = Math.max(worst, Math.abs(g[j] - want[i][j]) / Math.max(1, Math.abs(want[i][j])));
    expect(worst).toBeLessThanOrEqual(tol);
  });
}

const rnd = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);

describe('wasm kernel patches', () => {
  it('replaces the three kernels and restores them', () => {
    for (const k of Object.keys(stock)) expect(tf.getKernel(k, 'wasm')!.kernelFunc).not.toBe(stock[k]);
    restore();
    for (const k of Object.keys(stock)) expect(tf.getKernel(k, 'wasm')!.kernelFunc).toBe(stock[k]);
    restore = registerWasmKernelPatches(tf);
    registerWasmKernelPatches(tf); // idempotent: does not wrap the wrapper
    expect(tf.getKernel('Sum', 'wasm')!.kernelFunc).not.toBe(stock.Sum);
  });

  it.each([
    { a: [5, 7], b: [7, 3], ta: false, tb: false },
    { a: [7, 5], b: [7, 3], ta: true, tb: false },
    { a: [5, 7], b: [3, 7], ta: false, tb: true },
    { a: [7, 5], b: [3, 7], ta: true, tb: true },
    { a: [2, 7, 5], b: [2, 3, 7], ta: true, tb: true },
    { a: [64, 20], b: [3920, 20], ta: false, tb: true },
  ])('BatchMatMul $a x $b (transposeA $ta, transposeB $tb) equals stock cpu', async ({ a, b, ta, tb }) => {
    const [got, want] = await both(() => tf.matMul(rnd(a, 1), rnd(b, 2), ta, tb));
    expectClose(got, want);
  });

  it('Dense-layer gradients (transposed products) equal stock cpu', async () => {
    const [got, want] = await both(() => tf.grads((x, w) => tf.sum(tf.relu(tf.matMul(x, w))))([rnd([8, 30], 3), rnd([30, 4], 4)]));
    expectClose(got, want);
  });

  it.each([
    { name: '2x2/2 valid, tie-free', shape: [2, 6, 8, 3], size: 2, stride: 2, pad: 'valid' as const },
    { name: '2x2/2 same on even sizes', shape: [1, 4, 4, 2], size: 2, stride: 2, pad: 'same' as const },
    { name: 'loops: 3x3/2 same', shape: [2, 7, 7, 2], size: 3, stride: 2, pad: 'same' as const },
    { name: 'loops: 2x2/2 valid odd size', shape: [1, 5, 5, 2], size: 2, stride: 2, pad: 'valid' as const },
    { name: 'loops: 2x2/2 same odd size (stock wasm is wrong here)', shape: [1, 7, 7, 2], size: 2, stride: 2, pad: 'same' as const },
    { name: 'loops: 3x3/1 same', shape: [2, 6, 5, 1], size: 3, stride: 1, pad: 'same' as const },
  ])('MaxPool gradient $name equals stock cpu', async ({ shape, size, stride, pad }) => {
    const [got, want] = await both(() => {
      const x = rnd(shape, 5) as TF.Tensor4D;
      const w = rnd(tf.maxPool(x, size, stride, pad).shape, 6);
      return tf.grad((v) => tf.sum(tf.mul(tf.maxPool(v as TF.Tensor4D, size, stride, pad), w)))(x);
    });
    expectClose(got, want);
  });

  it('MaxPool gradient shares dy equally between tied maxima (window sums match stock)', async () => {
    await tf.setBackend('wasm');
    // Rows [0 0 1 3] and [0 0 3 2]: windows [0 0; 0 0] (4 tied zeros) and [1 3; 3 2] (two 3s).
    const x = tf.tensor4d([0, 0, 1, 3, 0, 0, 3, 2], [1, 2, 4, 1]);
    const dx = tf.grad((v) => tf.sum(tf.mul(tf.maxPool(v as TF.Tensor4D, 2, 2, 'valid'), tf.tensor4d([4, 6], [1, 1, 2, 1]))))(x);
    expect(Array.from(dx.dataSync())).toEqual([1, 1, 0, 3, 1, 1, 3, 0]);
  });

  it('MaxPool gradient in loops shares ties too (2x2/2 same on 3x3 zeros: windows of 4, 2, 2, 1)', async () => {
    await tf.setBackend('wasm');
    const dx = tf.grad((v) => tf.sum(tf.mul(tf.maxPool(v as TF.Tensor4D, 2, 2, 'same'), tf.tensor4d([4, 6, 8, 10], [1, 2, 2, 1]))))(tf.zeros([1, 3, 3, 1]));
    expect(Array.from(dx.dataSync())).toEqual([1, 1, 3, 1, 1, 3, 4, 4, 10]);
  });

  it.each([
    { shape: [64, 4, 4, 5], axis: [0, 1, 2], keepDims: false },
    { shape: [64, 4, 4, 5], axis: [2, 0, 1], keepDims: true },
    { shape: [2048, 3], axis: -2, keepDims: false },
    { shape: [8, 300, 2], axis: [0, 1], keepDims: false },
    { shape: [64, 40, 5], axis: [1, 2], keepDims: false }, // not leading: stock path
    { shape: [10, 3], axis: 0, keepDims: false }, // too small: stock path
  ])('Sum of $shape over $axis (keepDims $keepDims) equals stock cpu', async ({ shape, axis, keepDims }) => {
    const [got, want] = await both(() => tf.sum(rnd(shape, 7), axis, keepDims));
    expectClose(got, want);
    await tf.setBackend('cpu');
    const wantShape = tf.sum(tf.zeros(shape), axis, keepDims).shape;
    await tf.setBackend('wasm');
    expect(tf.sum(tf.zeros(shape), axis, keepDims).shape).toEqual(wantShape);
  });
});
