import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, type Tf } from './backend.js';
import {
  conv2dFilterGradient, isOurs, registerConv2DGradient, registerConvBackpropKernels, type ConvPad,
} from './conv2d-gradient.js';

// Stock tfjs first: the reference gradients come from the stock cpu backend.
let tf: Tf;
let stockGrad: ReturnType<Tf['getGradient']>;
beforeAll(async () => {
  ({ tf } = await initBackend({ prefer: ['wasm'], fastKernels: false }));
  stockGrad = tf.getGradient('Conv2D');
});

type Case = { name: string; x: [number, number, number, number]; f: [number, number, number, number]; stride: number | [number, number]; pad: ConvPad };
const cases: Case[] = [
  { name: '3x3 s1 same', x: [2, 7, 7, 3], f: [3, 3, 3, 4], stride: 1, pad: 'same' },
  { name: '3x3 s1 valid', x: [2, 6, 5, 2], f: [3, 3, 2, 3], stride: 1, pad: 'valid' },
  { name: '3x3 s2 same odd input', x: [2, 7, 7, 3], f: [3, 3, 3, 4], stride: 2, pad: 'same' },
  { name: '3x3 s2 valid even input (skipped last row)', x: [2, 8, 8, 3], f: [3, 3, 3, 4], stride: 2, pad: 'valid' },
  { name: '2x2 s1 same (even kernel, asymmetric pad)', x: [2, 8, 8, 3], f: [2, 2, 3, 4], stride: 1, pad: 'same' },
  { name: '2x2 s2 valid', x: [1, 6, 6, 2], f: [2, 2, 2, 2], stride: 2, pad: 'valid' },
  { name: '4x2 s2 same non-square', x: [2, 9, 8, 3], f: [4, 2, 3, 4], stride: 2, pad: 'same' },
  { name: '1x1 s1 valid', x: [3, 4, 4, 5], f: [1, 1, 5, 2], stride: 1, pad: 'valid' },
  { name: '5x5 s2 valid, kernel = input', x: [1, 5, 5, 1], f: [5, 5, 1, 2], stride: 2, pad: 'valid' },
  { name: '3x3 strides [1,2] same', x: [2, 6, 7, 2], f: [3, 3, 2, 3], stride: [1, 2], pad: 'same' },
  { name: '3x3 s2 explicit pad 1', x: [1, 7, 7, 2], f: [3, 3, 2, 3], stride: 2, pad: 1 },
  { name: '3x3 s1 explicit asymmetric pads', x: [1, 7, 7, 2], f: [3, 3, 2, 3], stride: 1, pad: [[0, 0], [2, 0], [1, 3], [0, 0]] },
  { name: '3x3 s1 pad larger than kernel', x: [1, 4, 4, 1], f: [3, 3, 1, 2], stride: 1, pad: 4 },
];

/** Gradients of sum(conv2d(x, f) * w) on the active backend, w fixed: a non-uniform dy. */
function grads(c: Case, fused = false): [Float32Array, Float32Array] {
  return tf.tidy(() => {
    const x = tf.randomNormal(c.x, 0, 1, 'float32', 11) as import('@tensorflow/tfjs').Tensor4D;
    const f = tf.randomNormal(c.f, 0, 1, 'float32', 12) as import('@tensorflow/tfjs').Tensor4D;
    const yShape = tf.conv2d(x, f, c.stride, c.pad).shape;
    const w = tf.randomNormal(yShape, 0, 1, 'float32', 13);
    const conv = fused
      ? (a: typeof x, b: typeof f) => tf.fused.conv2d({ x: a, filter: b, strides: c.stride, pad: c.pad, bias: tf.zeros([c.f[3]]) })
      : (a: typeof x, b: typeof f) => tf.conv2d(a, b, c.stride, c.pad);
    const [dx, df] = tf.grads((a, b) => tf.sum(tf.mul(conv(a as typeof x, b as typeof f), w)))([x, f]);
    return [dx.dataSync() as Float32Array, df.dataSync() as Float32Array];
  });
}

async function stockCpu(c: Case, fused = false): Promise<[Float32Array, Float32Array]> {
  await tf.setBackend('cpu');
  tf.registerGradient(stockGrad!);
  return grads(c, fused);
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('Conv2D gradient as forward convolutions', () => {
  it.each(cases.flatMap((c) => (['cpu', 'wasm'] as const).map((backend) => ({ ...c, backend }))))(
    '$name on $backend equals stock cpu within 1e-4',
    async (c) => {
      const [dx0, df0] = await stockCpu(c);
      await tf.setBackend(c.backend);
      const restore = registerConv2DGradient(tf);
      try {
        expect(isOurs(tf.getGradient('Conv2D'))).toBe(true);
        const [dx, df] = grads(c);
        expect(maxAbsDiff(dx, dx0)).toBeLessThanOrEqual(1e-4);
        expect(maxAbsDiff(df, df0)).toBeLessThanOrEqual(1e-4);
      } finally {
        restore();
      }
      expect(tf.getGradient('Conv2D')).toBe(stockGrad);
    },
  );

  // A linear Keras Conv2D trains through tf.fused.conv2d, whose gradient calls the backprop kernels.
  it.each(cases.filter((c) => typeof c.stride === 'number').slice(0, 8))('fused path on wasm: $name', async (c) => {
    const [dx0, df0] = await stockCpu(c, true);
    await tf.setBackend('wasm');
    const restore = registerConvBackpropKernels(tf, 'wasm');
    try {
      const [dx, df] = grads(c, true);
      expect(maxAbsDiff(dx, dx0)).toBeLessThanOrEqual(1e-4);
      expect(maxAbsDiff(df, df0)).toBeLessThanOrEqual(1e-4);
    } finally {
      restore();
    }
  });

  it('stock wasm really lacks Conv2DBackpropFilter (why the kernels are registered)', async () => {
    await tf.setBackend('wasm');
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    expect(() => grads(cases[0], true)).toThrow(/Conv2DBackpropFilter/);
    const restore = registerConvBackpropKernels(tf, 'wasm');
    expect(isOurs(tf.getKernel('Conv2DBackpropFilter', 'wasm'))).toBe(true);
    restore();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
  });

  it('handles NCHW (cpu only: wasm convolutions are NHWC-only)', async () => {
    const run = () => tf.tidy(() => {
      const x = tf.randomNormal([2, 3, 6, 5], 0, 1, 'float32', 21) as import('@tensorflow/tfjs').Tensor4D; // [N, C, H, W]
      const f = tf.randomNormal([3, 3, 3, 4], 0, 1, 'float32', 22) as import('@tensorflow/tfjs').Tensor4D;
      const conv = (a: typeof x, b: typeof f) => tf.conv2d(a, b, 2, 'same', 'NCHW');
      const w = tf.randomNormal(conv(x, f).shape, 0, 1, 'float32', 23);
      return tf.grads((a, b) => tf.sum(tf.mul(conv(a as typeof x, b as typeof f), w)))([x, f]).map((g) => g.dataSync() as Float32Array);
    });
    await tf.setBackend('cpu');
    tf.registerGradient(stockGrad!);
    const [dx0, df0] = run();
    const restore = registerConv2DGradient(tf);
    try {
      const [dx, df] = run();
      expect(maxAbsDiff(dx, dx0)).toBeLessThanOrEqual(1e-4);
      expect(maxAbsDiff(df, df0)).toBeLessThanOrEqual(1e-4);
    } finally {
      restore();
    }
  });

  it('rejects dilations > 1 like the stock gradient', async () => {
    await tf.setBackend('wasm');
    const restore = registerConv2DGradient(tf);
    try {
      const x = tf.ones([1, 6, 6, 1]) as import('@tensorflow/tfjs').Tensor4D;
      const f = tf.ones([3, 3, 1, 1]) as import('@tensorflow/tfjs').Tensor4D;
      expect(() => tf.grad((a) => tf.sum(tf.conv2d(a as typeof x, f, 1, 'valid', 'NHWC', 2)))(x)).toThrow(/dilation/);
    } finally {
      restore();
    }
  });

  it('returns zeros when every window sees only padding', async () => {
    await tf.setBackend('wasm');
    // 1 row of input, 5 rows of padding above: stride 3 windows starting at padded row 0 never
    // reach the input with a 1x1 kernel.
    const x = tf.ones([1, 1, 1, 1]) as import('@tensorflow/tfjs').Tensor4D;
    const dy = tf.ones([1, 2, 1, 1]) as import('@tensorflow/tfjs').Tensor4D;
    const df = conv2dFilterGradient(tf, x, dy, [1, 1, 1, 1], [3, 1], [[0, 0], [5, 0], [0, 0], [0, 0]]);
    expect(Array.from(df.dataSync())).toEqual([0]);
  });
});
