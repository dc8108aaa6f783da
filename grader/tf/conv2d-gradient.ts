/**
 * Both gradients of a 2-D convolution written as ordinary forward convolutions.
 *
 * Why: the wasm backend runs `Conv2D` forward with XNNPACK but has no `Conv2DBackpropFilter`
 * kernel at all and a slow `Conv2DBackpropInput`; the cpu backend computes the filter gradient
 * with naive loops (111 s for one 3x3x20x20 layer on 64 images). Rewritten as forward
 * convolutions, both gradients run on XNNPACK.
 *
 * Notation (NHWC): x [N, H, W, Ci], filter f [kh, kw, Ci, Co], dy [N, oh, ow, Co], stride s,
 * top/left padding t/l: y[n, r, c, o] = sum x[n, r*s + i - t, c*s + j - l, k] * f[i, j, k, o].
 * - Filter gradient df[i, j, k, o] = sum_{n,r,c} x[n, r*s + i - t, ...] dy[n, r, c, o]: a
 *   convolution of x with batch and channels swapped ([Ci, H, W, N]) by dy used as the filter
 *   ([oh, ow, N, Co]) with dilation s; output [Ci, kh, kw, Co].
 * - Input gradient: dx = conv(dy dilated by s and padded by kh-1-t, f rotated 180 degrees with
 *   in/out channels swapped), stride 1.
 *
 * Two hooks install it (see {@link installFastConvGradients}):
 * 1. the registered gradient of the `Conv2D` kernel (used by `tf.conv2d` and by Keras layers whose
 *    activation is not linear), and
 * 2. backend kernels `Conv2DBackpropFilter` / `Conv2DBackpropInput` on wasm, because a Conv2D
 *    layer with a *linear* activation (the notes' `Conv2D` followed by a separate `Activation`)
 *    goes through `tf.fused.conv2d`, whose custom gradient calls those kernels directly and never
 *    looks at the gradient registry: without (2) it fails with "Kernel 'Conv2DBackpropFilter'
 *    not registered for backend 'wasm'".
 */
import type * as TF from '@tensorflow/tfjs';

type Tf = typeof TF;
type Tensor4D = TF.Tensor4D;
type Shape4 = [number, number, number, number];
/** Padding as tfjs accepts it: 'same' | 'valid' | a number | explicit NHWC pairs. */
export type ConvPad = 'valid' | 'same' | number | [[number, number], [number, number], [number, number], [number, number]];
type Rounding = 'floor' | 'round' | 'ceil' | undefined;

/** Marker on the configs installed here, so that installing twice is a no-op. */
const MARK = 'neurograde-conv-as-conv';

/**
 * The part of `t` (NHWC) inside rows [h0, h0 + hLen) and columns [w0, w0 + wLen), as a slice of
 * `t` plus the zero padding still needed on each side. The padding is handed to the convolution
 * as explicit padding instead of materialised with `tf.pad`: XNNPACK pads for free.
 */
function window(tf: Tf, t: Tensor4D, h0: number, hLen: number, w0: number, wLen: number) {
  const [n, H, W, c] = t.shape;
  const hs = Math.min(Math.max(h0, 0), H), he = Math.min(Math.max(h0 + hLen, 0), H);
  const ws = Math.min(Math.max(w0, 0), W), we = Math.min(Math.max(w0 + wLen, 0), W);
  if (he <= hs || we <= ws) return null; // the window sees only padding
  const part = hs === 0 && he === H && ws === 0 && we === W ? t : tf.slice(t, [0, hs, ws, 0], [n, he - hs, we - ws, c]);
  const pad: ConvPad = [[0, 0], [hs - h0, h0 + hLen - he], [ws - w0, w0 + wLen - we], [0, 0]];
  return { part, pad };
}

function convInfo(tf: Tf, xShape: Shape4, filterShape: Shape4, strides: number | [number, number], pad: ConvPad, rounding: Rounding) {
  return tf.backend_util.computeConv2DInfo(xShape, filterShape, strides, 1, pad, rounding, false, 'channelsLast');
}

/**
 * Gradient of `conv2d(x, filter, strides, pad)` with respect to the filter, NHWC, dilation 1.
 * @param x the forward input [N, H, W, Ci]
 * @param dy the gradient of the output [N, oh, ow, Co]
 * @returns df [kh, kw, Ci, Co]
 */
export function conv2dFilterGradient(
  tf: Tf, x: Tensor4D, dy: Tensor4D, filterShape: Shape4,
  strides: number | [number, number], pad: ConvPad, rounding?: Rounding,
): Tensor4D {
  return tf.tidy(() => {
    const info = convInfo(tf, x.shape, filterShape, strides, pad, rounding);
    const [kh, kw, ci, co] = filterShape;
    const { outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw } = info;
    // Rows of the padded input the forward pass actually read: the bottom/right leftovers that
    // a strided 'valid' conv skips must be cropped or the output would be larger than kh x kw.
    const win = window(tf, x, -info.padInfo.top, (oh - 1) * sh + kh, -info.padInfo.left, (ow - 1) * sw + kw);
    if (win === null) return tf.zeros<TF.Rank.R4>([kh, kw, ci, co]);
    const xT = tf.transpose(win.part, [3, 1, 2, 0]); // [Ci, H', W', N]: batch becomes channels
    const dyT = tf.transpose(dy, [1, 2, 0, 3]); // [oh, ow, N, Co]: dy becomes the filter
    const out = tf.conv2d(xT, dyT, 1, win.pad, 'NHWC', [sh, sw]); // [Ci, kh, kw, Co]
    return tf.transpose(out, [1, 2, 0, 3]);
  });
}

/**
 * Gradient of `conv2d(x, filter, strides, pad)` with respect to its input, NHWC, dilation 1.
 * @param xShape shape of the forward input [N, H, W, Ci]
 * @param dy the gradient of the output [N, oh, ow, Co]
 * @param filter the forward filter [kh, kw, Ci, Co]
 * @returns dx [N, H, W, Ci]
 */
export function conv2dInputGradient(
  tf: Tf, xShape: Shape4, dy: Tensor4D, filter: Tensor4D,
  strides: number | [number, number], pad: ConvPad, rounding?: Rounding,
): Tensor4D {
  return tf.tidy(() => {
    const info = convInfo(tf, xShape, filter.shape, strides, pad, rounding);
    const [n, H, W] = xShape;
    const [kh, kw, , co] = filter.shape;
    const { outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw } = info;
    let dyd: Tensor4D = dy;
    if (sh > 1 || sw > 1) {
      // Dilate dy by the stride: interleave zeros with one 6-D pad (no scatter kernel needed).
      const spread = tf.reshape(dy, [n, oh, 1, ow, 1, co]);
      const padded = tf.pad(spread, [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]]);
      dyd = tf.reshape(padded, [n, oh * sh, ow * sw, co]);
    }
    // Output row r of dx reads dyd rows r + t - (kh - 1) .. r + t: a window of H + kh - 1 rows.
    // Trailing zeros of the dilation beyond (oh - 1) * sh are cropped or padded by `window`.
    const validH = (oh - 1) * sh + 1, validW = (ow - 1) * sw + 1;
    if (validH < dyd.shape[1] || validW < dyd.shape[2]) dyd = tf.slice(dyd, [0, 0, 0, 0], [n, validH, validW, co]);
    const win = window(tf, dyd, info.padInfo.top - (kh - 1), H + kh - 1, info.padInfo.left - (kw - 1), W + kw - 1);
    if (win === null) return tf.zeros<TF.Rank.R4>(xShape);
    const rotated = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]); // [kh, kw, Co, Ci]
    return tf.conv2d(win.part, rotated, 1, win.pad); // [N, H, W, Ci]
  });
}

function asNhwc(tf: Tf, t: Tensor4D, format: string | undefined): Tensor4D {
  return format === 'NCHW' ? tf.transpose(t, [0, 2, 3, 1]) : t;
}
function fromNhwc(tf: Tf, t: Tensor4D, format: string | undefined): Tensor4D {
  return format === 'NCHW' ? tf.transpose(t, [0, 3, 1, 2]) : t;
}
function nhwcShape(shape: Shape4, format: string | undefined): Shape4 {
  return format === 'NCHW' ? [shape[0], shape[2], shape[3], shape[1]] : shape;
}

/**
 * The `Conv2D` gradient config (`tf.registerGradient` format). Both gradients are lazy: tfjs only
 * calls the thunks it needs (e.g. no input gradient for a model's first layer).
 */
export function conv2dGradConfig(tf: Tf): TF.GradConfig {
  const config = {
    kernelName: 'Conv2D',
    inputsToSave: ['x', 'filter'],
    gradFunc: (dy: TF.Tensor | TF.Tensor[], saved: TF.Tensor[], attrs: TF.NamedAttrMap) => {
      const [x, filter] = saved as [Tensor4D, Tensor4D];
      const { strides, pad, dataFormat, dilations, dimRoundingMode } = attrs as unknown as TF.Conv2DAttrs;
      const d = typeof dilations === 'number' ? [dilations, dilations] : dilations ?? [1, 1];
      if (d[0] !== 1 || d[1] !== 1) {
        throw new Error(`conv2d gradient: dilations ${String(dilations)} > 1 are not supported (tfjs does not support them either)`);
      }
      const g = dy as Tensor4D;
      return {
        x: () => tf.tidy(() => fromNhwc(tf, conv2dInputGradient(
          tf, nhwcShape(x.shape, dataFormat), asNhwc(tf, g, dataFormat), filter, strides, pad, dimRoundingMode), dataFormat)),
        filter: () => tf.tidy(() => conv2dFilterGradient(
          tf, asNhwc(tf, x, dataFormat), asNhwc(tf, g, dataFormat), filter.shape, strides, pad, dimRoundingMode)),
      };
    },
    [MARK]: true,
  };
  return config as TF.GradConfig;
}

/**
 * What a config installed here replaced (kept on the config itself, in the tfjs registry, so that
 * the stock behaviour can be restored without module state): undefined if nothing was there.
 */
export function stockOf<T>(config: T | undefined): T | undefined {
  if (!isOurs(config)) return config;
  return (config as unknown as { replaced?: T }).replaced;
}

/**
 * Registers {@link conv2dGradConfig} as the global `Conv2D` gradient (the gradient registry is
 * shared by all backends). Returns a function restoring the previous gradient (tests, benchmarks).
 */
export function registerConv2DGradient(tf: Tf): () => void {
  const previous = tf.getGradient('Conv2D');
  tf.registerGradient({ ...conv2dGradConfig(tf), replaced: stockOf(previous) } as TF.GradConfig);
  return () => {
    if (previous) tf.registerGradient(previous);
    else tf.unregisterGradient('Conv2D');
  };
}

/**
 * Registers `Conv2DBackpropFilter` and `Conv2DBackpropInput` kernels built from forward
 * convolutions on `backendName` (default wasm), replacing the stock ones if any. Kernel functions
 * may return a Tensor: the engine runs them with the tape off, as it does for custom gradients.
 * Returns a function restoring the previous kernels.
 */
export function registerConvBackpropKernels(tf: Tf, backendName = 'wasm'): () => void {
  const previous = ['Conv2DBackpropFilter', 'Conv2DBackpropInput'].map((name) => tf.getKernel(name, backendName));
  const swap = (config: TF.KernelConfig) => {
    const old = tf.getKernel(config.kernelName, backendName);
    if (old) tf.unregisterKernel(config.kernelName, backendName);
    tf.registerKernel({ ...config, replaced: stockOf(old) } as TF.KernelConfig);
  };
  swap({
    kernelName: 'Conv2DBackpropFilter', backendName,
    kernelFunc: ({ inputs, attrs }) => {
      const a = attrs as unknown as TF.Conv2DBackpropFilterAttrs;
      const f = a.dataFormat;
      return tf.tidy(() => conv2dFilterGradient(tf, asNhwc(tf, inputs.x as Tensor4D, f), asNhwc(tf, inputs.dy as Tensor4D, f),
        a.filterShape, a.strides, a.pad, a.dimRoundingMode));
    },
    [MARK]: true,
  } as TF.KernelConfig);
  swap({
    kernelName: 'Conv2DBackpropInput', backendName,
    kernelFunc: ({ inputs, attrs }) => {
      const a = attrs as unknown as TF.Conv2DBackpropInputAttrs;
      const f = a.dataFormat;
      return tf.tidy(() => fromNhwc(tf, conv2dInputGradient(tf, nhwcShape(a.inputShape, f), asNhwc(tf, inputs.dy as Tensor4D, f),
        inputs.filter as Tensor4D, a.strides, a.pad, a.dimRoundingMode), f));
    },
    [MARK]: true,
  } as TF.KernelConfig);
  return () => {
    for (const name of ['Conv2DBackpropFilter', 'Conv2DBackpropInput']) {
      if (tf.getKernel(name, backendName)) tf.unregisterKernel(name, backendName);
    }
    for (const config of previous) if (config) tf.registerKernel(config);
  };
}

/** Whether a gradient or kernel config was installed by this module. */
export function isOurs(config: unknown): boolean {
  return typeof config === 'object' && config !== null && (config as Record<string, unknown>)[MARK] === true;
}

/**
 * Installs both hooks for the active backend, once: the `Conv2D` gradient always, the backprop
 * kernels on wasm only (cpu keeps its stock kernels for the fused path; tfjs-node is native).
 */
export function installFastConvGradients(tf: Tf): void {
  if (!isOurs(tf.getGradient('Conv2D'))) registerConv2DGradient(tf);
  if (tf.getBackend() === 'wasm' && !isOurs(tf.getKernel('Conv2DBackpropFilter', 'wasm'))) {
    registerConvBackpropKernels(tf, 'wasm');
  }
}
