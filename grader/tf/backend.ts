/**
 * Picks the fastest TensorFlow.js backend this machine can run.
 *
 * Order: `@tensorflow/tfjs-node` (native libtensorflow, only on machines where it could be
 * installed: its install step downloads libtensorflow, impossible offline), then `@tensorflow/tfjs`
 * on the `wasm` backend (XNNPACK, ships its `.wasm` files inside the npm package), then the
 * pure-JavaScript `cpu` backend as a last resort.
 *
 * Facts measured (Node 20, 2 cores, tfjs 4.22):
 * - In Node the wasm backend is single-threaded: its `WASM_HAS_MULTITHREAD_SUPPORT` flag is
 *   hard-wired to false when `IS_NODE` (tfjs issue #3830). Forcing the flag to true makes
 *   initialisation fail: Emscripten's pthread pool starts `new Worker("blob:nodedata:...")`, and
 *   Node's `worker_threads` only accept file paths (`ERR_WORKER_PATH`). So the plain SIMD binary
 *   runs, on one core; use the second core by grading two submissions in parallel processes.
 * - `setWasmPaths` in Node wants a directory prefix as a file-system path ending with a separator
 *   (it is concatenated with the file name and read with `fs`), not a `file://` URL.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TF from '@tensorflow/tfjs';
import { installFastConvGradients, isOurs, stockOf } from './conv2d-gradient.js';
import { isPatched, registerWasmKernelPatches, stockKernel } from './wasm-kernels.js';
import { requireTfjs, requireTfjsWasm } from './tfjs.js';

/** The `@tensorflow/tfjs` namespace (tfjs-node re-exports the same API). */
export type Tf = typeof TF;

/** Backend names as `tf.getBackend()` reports them. */
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

/** Options of {@link initBackend}. */
export interface InitBackendOptions {
  /** Backends to try, in order. Default `['tensorflow', 'wasm', 'cpu']`. */
  prefer?: readonly BackendName[];
  /**
   * Install the speed-ups: the convolution-based `Conv2D` gradient (`conv2d-gradient.ts`), and on
   * wasm its `Conv2DBackpropFilter`/`Conv2DBackpropInput` kernels plus the `BatchMatMul`,
   * `MaxPoolGrad` and `Sum` patches (`wasm-kernels.ts`). Default: true on `wasm` and `cpu`, false
   * on `tensorflow`, whose native kernels are faster. `false` installs nothing (it does not
   * remove what an earlier call installed: see {@link restoreStockKernels}).
   */
  fastKernels?: boolean;
}

/** What {@link initBackend} settled on. */
export interface TfBackend {
  /** The tfjs namespace to use (a singleton module: the same object every call). */
  tf: Tf;
  /** The active backend. */
  name: BackendName;
  /** Why earlier choices were skipped, e.g. `tensorflow: Cannot find package ...`. */
  skipped: string[];
}

/** Absolute directory (with trailing separator) holding the installed tfjs wasm binaries. */
export function wasmBinaryDir(): string {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
  return path.dirname(file) + path.sep;
}

// A variable specifier keeps TypeScript from resolving a package that is usually absent.
const TFJS_NODE = '@tensorflow/tfjs-node';

async function tryTfjsNode(): Promise<Tf> {
  const mod = (await import(TFJS_NODE)) as { default?: Tf } & Tf;
  const tf = mod.default ?? mod;
  if (!(await tf.setBackend('tensorflow'))) throw new Error('setBackend("tensorflow") returned false');
  return tf;
}

async function tryWasm(tf: Tf): Promise<void> {
  if (tf.getBackend() === 'wasm') return; // already initialised: setWasmPaths would be moot
  const wasm = requireTfjsWasm();
  // setWasmPaths throws once an initialisation has failed; a second call is otherwise harmless.
  wasm.setWasmPaths(wasmBinaryDir());
  if (!(await tf.setBackend('wasm'))) throw new Error('setBackend("wasm") returned false');
}

/**
 * Initialises TensorFlow.js on the best available backend and returns it.
 *
 * Idempotent: a second call with the same options finds the backend already active and only
 * re-checks the gradient registration (which is itself idempotent). It keeps no state of its own:
 * all state lives in the tfjs singletons (engine, kernel and gradient registries).
 *
 * @example
 *   const { tf, name } = await initBackend();  // name === 'wasm' on the grading machines
 */
export async function initBackend(options: InitBackendOptions = {}): Promise<TfBackend> {
  const prefer = options.prefer ?? ['tensorflow', 'wasm', 'cpu'];
  const skipped: string[] = [];
  let tfjs: Tf | undefined;
  const loadTfjs = async (): Promise<Tf> => (tfjs ??= requireTfjs());

  for (const name of prefer) {
    try {
      let tf: Tf;
      if (name === 'tensorflow') {
        tf = await tryTfjsNode();
      } else {
        tf = await loadTfjs();
        if (name === 'wasm') await tryWasm(tf);
        else if (!(await tf.setBackend('cpu'))) throw new Error('setBackend("cpu") returned false');
      }
      await tf.ready();
      if (options.fastKernels ?? name !== 'tensorflow') {
        installFastConvGradients(tf);
        if (name === 'wasm') registerWasmKernelPatches(tf);
      }
      return { tf, name, skipped };
    } catch (err) {
      skipped.push(`${name}: ${err instanceof Error ? err.message : String((err as { message?: unknown })?.message ?? err)}`);
    }
  }
  throw new Error(`No TensorFlow.js backend could be initialised (${skipped.join('; ')})`);
}

/**
 * Undoes what {@link initBackend} installed, back to stock tfjs (benchmarks comparing against
 * stock, tests). Idempotent; `initBackend()` installs everything again.
 */
export function restoreStockKernels(tf: Tf): void {
  const grad = tf.getGradient('Conv2D');
  if (isOurs(grad)) {
    const stock = stockOf(grad);
    if (stock) tf.registerGradient(stock);
    else tf.unregisterGradient('Conv2D');
  }
  for (const name of ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'BatchMatMul', 'MaxPoolGrad', 'Sum']) {
    const kernel = tf.getKernel(name, 'wasm');
    if (!isOurs(kernel) && !isPatched(kernel)) continue;
    tf.unregisterKernel(name, 'wasm');
    const stock = isPatched(kernel) ? stockKernel(kernel) : stockOf(kernel);
    if (stock) tf.registerKernel(stock);
  }
}

/**
 * True for an error of the backend itself rather than of the model: the wasm module's memory
 * (`memory access out of bounds`, an abort), or an allocation the engine could not make. After
 * one, the backend's state cannot be trusted: {@link resetBackend} replaces it.
 */
export function isBackendFault(e: unknown): boolean {
  if (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError) return true;
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return /memory access out of bounds|Aborted\(|out of memory|Array buffer allocation failed|Invalid typed array length|WebAssembly/i.test(text);
}

const BACKEND_ID = Symbol.for('neurograde.backendId');

/**
 * An identity of the active backend instance, new after every {@link resetBackend}: what is kept
 * across gradings (data tensors, the reference's results) is keyed by it, so nothing made on a
 * replaced backend is used on the fresh one. Kept on the instance itself.
 */
export function backendIdentity(tf: Tf): string {
  const instance = tf.backend() as unknown as Record<symbol, string | undefined>;
  instance[BACKEND_ID] ??= `${tf.getBackend()}-${Math.floor(performance.now() * 1000).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return instance[BACKEND_ID]!;
}

/**
 * Replaces the active backend with a fresh instance of the same kind (for wasm: a new module
 * with its own memory), so that a fault in one submission never carries into the next. Every
 * tensor of the old instance is gone.
 */
export async function resetBackend(tf: Tf): Promise<void> {
  const name = tf.getBackend();
  const factory = tf.findBackendFactory(name);
  if (!factory) throw new Error(`resetBackend: no factory for backend ${name}`);
  tf.removeBackend(name);
  tf.registerBackend(name, factory, name === 'wasm' ? 2 : 1);
  if (!(await tf.setBackend(name))) throw new Error(`resetBackend: setBackend("${name}") returned false`);
  await tf.ready();
}
