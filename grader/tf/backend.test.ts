import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendIdentity, initBackend, isBackendFault, resetBackend, restoreStockKernels, wasmBinaryDir } from './backend.js';
import { isOurs } from './conv2d-gradient.js';

describe('initBackend', () => {
  it('points setWasmPaths at a real directory of .wasm files (a path, not a URL)', () => {
    const dir = wasmBinaryDir();
    expect(path.isAbsolute(dir)).toBe(true);
    expect(dir.endsWith(path.sep)).toBe(true);
    for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
      expect(existsSync(dir + f)).toBe(true);
    }
  });

  it('falls back to wasm when tfjs-node is absent, with the reason, and installs the fast kernels', async () => {
    const { tf, name, skipped } = await initBackend();
    expect(name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatch(/^tensorflow: .*tfjs-node/);
    expect(isOurs(tf.getGradient('Conv2D'))).toBe(true);
    expect(isOurs(tf.getKernel('Conv2DBackpropFilter', 'wasm'))).toBe(true);
    // It computes: a 3x3 all-ones kernel on a 3x3 all-ones image sums 9 ones.
    expect(tf.conv2d(tf.ones([1, 3, 3, 1]).as4D(1, 3, 3, 1), tf.ones([3, 3, 1, 1]).as4D(3, 3, 1, 1), 1, 'valid').dataSync()[0]).toBe(9);
  });

  it('is idempotent: same namespace, same kernels, no re-wrapping', async () => {
    const first = await initBackend();
    const grad = first.tf.getGradient('Conv2D');
    const kernel = first.tf.getKernel('Sum', 'wasm');
    const second = await initBackend();
    expect(second.tf).toBe(first.tf);
    expect(second.name).toBe('wasm');
    expect(second.tf.getGradient('Conv2D')).toBe(grad);
    expect(second.tf.getKernel('Sum', 'wasm')).toBe(kernel);
  });

  it('restores stock tfjs on demand, and initBackend installs everything again', async () => {
    const { tf } = await initBackend();
    const patchedSum = tf.getKernel('Sum', 'wasm');
    restoreStockKernels(tf);
    expect(isOurs(tf.getGradient('Conv2D'))).toBe(false);
    expect(tf.getGradient('Conv2D')).toBeDefined(); // tfjs' own gradient is back
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined(); // stock wasm has none
    expect(isOurs(tf.getKernel('Conv2DBackpropInput', 'wasm'))).toBe(false);
    expect(tf.getKernel('Sum', 'wasm')).not.toBe(patchedSum);
    restoreStockKernels(tf); // idempotent
    await initBackend();
    expect(isOurs(tf.getGradient('Conv2D'))).toBe(true);
    expect(isOurs(tf.getKernel('Conv2DBackpropInput', 'wasm'))).toBe(true);
  });

  it('runs the wasm backend single-threaded in Node (tfjs disables threads when IS_NODE)', async () => {
    await initBackend({ prefer: ['wasm'] });
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    expect(await (await import('@tensorflow/tfjs')).env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
    expect(wasm.getThreadsCount()).toBe(1);
  });

  it('honours prefer: cpu only', async () => {
    const { tf, name } = await initBackend({ prefer: ['cpu'] });
    expect(name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    await tf.setBackend('wasm');
  });

  it('reports every failure when nothing can be initialised', async () => {
    await expect(initBackend({ prefer: ['tensorflow'] })).rejects.toThrow(/No TensorFlow.js backend.*tensorflow:/);
  });
});

describe('a backend fault never carries over', () => {
  it.each<[string, unknown, boolean]>([
    ['a wasm runtime error', new WebAssembly.RuntimeError('memory access out of bounds'), true],
    ['a failed allocation', new RangeError('Array buffer allocation failed'), true],
    ['an abort of the wasm module', new Error('Aborted(). Build with -sASSERTIONS for more info.'), true],
    ["a model's own error", new Error('Input 0 is incompatible with layer dense_Dense1: expected axis -1 of input shape to have value 784'), false],
    ['a shape error', new Error('Error when checking target: expected dense to have shape [,10]'), false],
  ])('tells %s (%#) as a fault of the backend: %s', (_, e, fault) => {
    expect(isBackendFault(e)).toBe(fault);
  });

  it('resetBackend gives a fresh instance of the same backend, with a new identity, the fast kernels still working', async () => {
    const { tf } = await initBackend();
    const before = tf.backend();
    const id = backendIdentity(tf);
    expect(backendIdentity(tf)).toBe(id);
    await resetBackend(tf);
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.backend()).not.toBe(before);
    expect(backendIdentity(tf)).not.toBe(id);
    // Convolution gradients (our kernels, registered by name) train on the fresh instance.
    const m = tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 2, kernelSize: 3 }), tf.layers.flatten(), tf.layers.dense({ units: 1 })] });
    m.compile({ loss: 'meanSquaredError', optimizer: 'sgd' });
    expect(Number.isFinite(await m.trainOnBatch(tf.ones([2, 6, 6, 1]), tf.ones([2, 1])))).toBe(true);
  });
});
