/**
 * Faster replacements for three wasm kernels that dominate a CNN training step, found with
 * `tf.profile` on `deepCnnModel` at batch 64 (times measured on the 2-core grading machine):
 * - `BatchMatMul` with `transposeA`/`transposeB` takes a slow non-XNNPACK path: a Dense layer's
 *   gradients [64,20]x[3920,20]^T took 24 ms, 1.9 ms with the transpose done first by the
 *   `Transpose` kernel. Every Dense layer's backward pass asks for transposed products.
 * - `MaxPoolGrad` 2x2/2: 40-48 ms for [64,28,28,20]; rewritten with nearest-neighbour upsampling
 *   and element-wise ops (all fast on wasm): ~10 ms. The stock kernel is also WRONG with 'same'
 *   padding on odd sizes, so no pooling geometry is delegated to it.
 * - `Sum` over leading axes (the bias gradient of a conv layer, [64,28,28,20] -> [20]) transposes
 *   first: 9-14 ms; as a product with a row of ones: under 1 ms.
 * BatchMatMul and Sum fall back to the stock kernel outside their fast case. Kernel functions may
 * return Tensors; the engine runs them with the tape off (as for custom gradients).
 */
import type * as TF from '@tensorflow/tfjs';

type Tf = typeof TF;
type KernelFunc = TF.KernelConfig['kernelFunc'];

const MARK = 'neurograde-wasm-kernel';

/** Reductions smaller than this stay on the stock Sum kernel (their cost is call overhead). */
const SUM_MATMUL_MIN_ROWS = 1024;

function swapLastTwo(tf: Tf, t: TF.Tensor): TF.Tensor {
  const perm = t.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
  return tf.transpose(t, perm);
}

function batchMatMul(tf: Tf, stock: KernelFunc): KernelFunc {
  return (args) => {
    const { transposeA, transposeB } = args.attrs as unknown as TF.BatchMatMulAttrs;
    if (!transposeA && !transposeB) return stock(args);
    const a = args.inputs.a as TF.Tensor, b = args.inputs.b as TF.Tensor;
    const a2 = transposeA ? swapLastTwo(tf, a) : a;
    const b2 = transposeB ? swapLastTwo(tf, b) : b;
    const out = stock({ ...args, inputs: { a: a2, b: b2 }, attrs: { ...args.attrs, transposeA: false, transposeB: false } });
    if (a2 !== a) a2.dispose();
    if (b2 !== b) b2.dispose();
    return out;
  };
}

function is2(v: unknown): boolean {
  return v === 2 || (Array.isArray(v) && v.length === 2 && v[0] === 2 && v[1] === 2);
}

/**
 * Any other pooling geometry, in plain loops. Not delegated to the stock wasm kernel: it is wrong
 * whenever 'same' padding adds a bottom/right pad (e.g. 2x2/2 'same' on 7x7: gradients off by
 * up to 0.66 against the cpu backend and a brute-force check), a model students can write.
 */
function maxPoolGradLoops(tf: Tf, x: TF.Tensor4D, dy: TF.Tensor4D, attrs: TF.MaxPoolGradAttrs): TF.Tensor4D {
  const info = tf.backend_util.computePool2DInfo(x.shape, attrs.filterSize, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
  const [n, H, W, C] = x.shape;
  const { outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw, filterHeight: fh, filterWidth: fw } = info;
  const xv = x.dataSync(), dyv = dy.dataSync();
  const dx = new Float32Array(xv.length);
  for (let b = 0; b < n; b++) for (let r = 0; r < oh; r++) for (let c = 0; c < ow; c++) for (let ch = 0; ch < C; ch++) {
    const r0 = r * sh - info.padInfo.top, c0 = c * sw - info.padInfo.left;
    let best = -Infinity, count = 0;
    for (let pass = 0; pass < 3; pass++) {
      for (let i = Math.max(r0, 0); i < Math.min(r0 + fh, H); i++) {
        for (let j = Math.max(c0, 0); j < Math.min(c0 + fw, W); j++) {
          const at = ((b * H + i) * W + j) * C + ch;
          if (pass === 0) best = Math.max(best, xv[at]);
          else if (xv[at] === best) {
            if (pass === 1) count++;
            else dx[at] += dyv[((b * oh + r) * ow + c) * C + ch] / count;
          }
        }
      }
    }
  }
  return tf.tensor4d(dx, x.shape);
}

/**
 * MaxPool gradient: dy goes to the positions equal to their window's maximum. Ties (several equal
 * maxima, e.g. ReLU zeros) share dy equally, where TensorFlow gives it all to the first: both are
 * valid subgradients with the same sum per window, and after a ReLU the tied zeros get no
 * gradient either way. The 2x2/2 case (every course model) avoids loops: nearest-neighbour
 * upsampling plus element-wise ops, all fast on wasm.
 */
function maxPoolGrad(tf: Tf): KernelFunc {
  return (args) => {
    const attrs = args.attrs as unknown as TF.MaxPoolGradAttrs;
    const x = args.inputs.input as TF.Tensor4D, dy = args.inputs.dy as TF.Tensor4D;
    const [, H, W] = x.shape;
    const { filterSize, strides, pad } = attrs;
    const noPadding = pad === 'valid' || pad === 0 || pad === 'same'; // 'same' adds none on even sizes
    if (!is2(filterSize) || !is2(strides) || !noPadding || H % 2 !== 0 || W % 2 !== 0) return maxPoolGradLoops(tf, x, dy, attrs);
    return tf.tidy(() => {
      const y = args.inputs.output as TF.Tensor4D;
      const up = (t: TF.Tensor4D) => tf.image.resizeNearestNeighbor(t, [H, W]); // [r, c] <- [r/2, c/2]
      const below = tf.step(tf.sub(up(y), x)); // 1 where x < its window's max, 0 at the max(es)
      const maxima = tf.sub(4, tf.mul(tf.avgPool(below as TF.Tensor4D, 2, 2, 'valid'), 4)); // >= 1 per window
      const spread = up(tf.div(dy, maxima));
      return tf.sub(spread, tf.mul(below, spread));
    });
  };
}

function sum(tf: Tf, stock: KernelFunc): KernelFunc {
  return (args) => {
    const x = args.inputs.x as TF.Tensor;
    const { axis, keepDims } = args.attrs as unknown as TF.SumAttrs;
    const rank = x.rank;
    const axes = [...new Set((Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + rank : a)))].sort((p, q) => p - q);
    const leading = axes.length > 0 && axes.length < rank && axes.every((a, i) => a === i);
    const rows = x.shape.slice(0, axes.length).reduce((p, d) => p * d, 1);
    if (!leading || x.dtype !== 'float32' || rows < SUM_MATMUL_MIN_ROWS) return stock(args);
    return tf.tidy(() => {
      const rest = x.shape.slice(axes.length);
      const cols = rest.reduce((p, d) => p * d, 1);
      const total = tf.matMul(tf.ones([1, rows]), tf.reshape(x, [rows, cols]));
      return tf.reshape(total, keepDims ? [...axes.map(() => 1), ...rest] : rest);
    });
  };
}

/** Whether a kernel config is one of the patches installed here. */
export function isPatched(config: unknown): boolean {
  return typeof config === 'object' && config !== null && (config as Record<string, unknown>)[MARK] === true;
}

/** The stock kernel a patch replaced (the config itself when it is not a patch). */
export function stockKernel(config: TF.KernelConfig | undefined): TF.KernelConfig | undefined {
  return isPatched(config) ? (config as unknown as { replaced: TF.KernelConfig }).replaced : config;
}

/**
 * Replaces `BatchMatMul`, `MaxPoolGrad` and `Sum` on `backendName` (default wasm) with the
 * versions above. Idempotent. Returns a function restoring the stock kernels.
 */
export function registerWasmKernelPatches(tf: Tf, backendName = 'wasm'): () => void {
  const makers: Record<string, (tf: Tf, stock: KernelFunc) => KernelFunc> = {
    BatchMatMul: batchMatMul, MaxPoolGrad: (t) => maxPoolGrad(t), Sum: sum,
  };
  const restored: TF.KernelConfig[] = [];
  for (const [name, make] of Object.entries(makers)) {
    const stock = tf.getKernel(name, backendName);
    if (!stock || isPatched(stock)) continue;
    tf.unregisterKernel(name, backendName);
    // Keep setupFunc/disposeFunc: the stock function we delegate to needs its wasm bindings.
    tf.registerKernel({ ...stock, kernelFunc: make(tf, stock.kernelFunc), [MARK]: true, replaced: stock } as TF.KernelConfig);
    restored.push(stock);
  }
  return () => {
    for (const stock of restored) {
      tf.unregisterKernel(stock.kernelName, backendName);
      tf.registerKernel(stock);
    }
  };
}
