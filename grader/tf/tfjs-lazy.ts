/**
 * TensorFlow.js' union (`@tensorflow/tfjs`) with its parts a grading never uses loaded on first
 * use: tfjs-converter (graph models), tfjs-data and tfjs-backend-webgl. The union requires them
 * at its start, about 25 ms of every process that loads it (the grader, the trial process, the
 * sandbox child), for names a model check never reads.
 *
 * Design: the union's own file still runs, unchanged: the same code, side effects (its copy of
 * tfjs-core registers the gradients and the chained ops) and export order (first package wins).
 * Only its `require` of the three lazy packages finds, in Node's module cache, a stand-in made
 * from what the build listed (their export names and version): the union copies getters from
 * it as it does from the real module, and the first read of any of their names, or of a
 * `tf.data` member, requires the real package (into the cache, where every later `require` finds
 * it). `tf.version` is built from the listed versions. Names the union takes from them are then
 * the very objects the real packages export.
 *
 * Bundled alone into dist/vendor/tfjs/ (grader/pack/tfjs-shim.ts): the sandbox child reads that
 * folder (tfjs' code cache included, see tfjs-code-cache.ts) and the tfjs packages, nothing of the grader's.
 */
import Module, { createRequire } from 'node:module';
import { loadFromCodeCache, makeCodeCache } from './tfjs-code-cache.js';

export { loadFromCodeCache } from './tfjs-code-cache.js';

/** What the build lists of a package loaded lazily. */
export interface LazyPackage {
  /** Its package.json version: another installed version is loaded eagerly (its names may differ). */
  readonly version: string;
  /** Its export names, in order. */
  readonly names: readonly string[];
  /** Its `version_*` export's name and value, served without loading it (the union reads it for `tf.version`). */
  readonly versionName: string;
  readonly versionValue: string;
}

/** The packages the union loads that a grading never needs. */
export const LAZY_PACKAGES = ['@tensorflow/tfjs-converter', '@tensorflow/tfjs-data', '@tensorflow/tfjs-backend-webgl'] as const;

type Require = NodeJS.Require;
const unionRequire = (from: string): Require => createRequire(createRequire(from).resolve('@tensorflow/tfjs'));

/** Lists each lazy package's names and version, by loading them (at build time). `from`: a file the packages resolve from. */
export function listLazyPackages(from: string): Record<string, LazyPackage> {
  const require = unionRequire(from);
  return Object.fromEntries(
    LAZY_PACKAGES.map((id) => {
      const mod = require(id) as Record<string, unknown>;
      const names = Object.keys(mod);
      const versionName = names.find((n) => n.startsWith('version_'));
      if (!versionName) throw new Error(`${id} exports no version_* name: the lazy tfjs cannot stand in for it`);
      const version = (require(`${id}/package.json`) as { version: string }).version;
      return [id, { version, names, versionName, versionValue: String(mod[versionName]) }];
    }),
  );
}

/** A stand-in for a lazy package, in Node's module cache: its names, each read from the real package (required then). */
function standInModule(require: Require, id: string, listed: LazyPackage): void {
  const file = require.resolve(id);
  let real: Record<string, unknown> | undefined;
  const load = (): Record<string, unknown> => {
    if (!real) {
      delete require.cache[file];
      real = require(id) as Record<string, unknown>;
    }
    return real;
  };
  const own = new Set<string | symbol>(listed.names);
  const exports = new Proxy(Object.create(null) as object, {
    get: (_, key) => (key === listed.versionName && !real ? listed.versionValue : load()[key as string]),
    has: (_, key) => own.has(key),
    ownKeys: () => [...listed.names],
    getOwnPropertyDescriptor: (_, key) => (own.has(key) ? { configurable: true, enumerable: true, get: () => load()[key as string] } : undefined),
  });
  const module = new Module(file) as unknown as NodeJS.Module;
  Object.assign(module, { filename: file, loaded: true, exports });
  require.cache[file] = module;
}

/** Stands in for the lazy packages when the installed ones are those listed and none is loaded yet. */
function standIn(require: Require, listed: Readonly<Record<string, LazyPackage>>): void {
  const unchanged = LAZY_PACKAGES.every((id) => {
    const l = listed[id];
    return l && !require.cache[require.resolve(id)] && (require(`${id}/package.json`) as { version: string }).version === l.version;
  });
  if (unchanged) for (const id of LAZY_PACKAGES) standInModule(require, id, listed[id]!);
}

/** Where tfjs is found, what the build listed of its lazy packages, and where its code cache is (see tfjs-code-cache.ts). */
export interface LazyTfjsOptions {
  /** A file tfjs resolves from. */
  readonly from: string;
  readonly listed: Readonly<Record<string, LazyPackage>>;
  /** The code cache's folder. @default none: tfjs compiled as usual */
  readonly codeCache?: string;
}

/**
 * The `@tensorflow/tfjs` namespace, its lazy packages stood in for when the installed ones are
 * those listed and none is loaded yet (else tfjs as `require` gives it), its largest files
 * compiled from the code cache when there is one for this process. The same object every call.
 */
export function requireLazyTfjs(options: LazyTfjsOptions): unknown {
  const require = unionRequire(options.from);
  const union = require.resolve('@tensorflow/tfjs');
  if (!require.cache[union]) {
    standIn(require, options.listed);
    if (options.codeCache) loadFromCodeCache(require, options.codeCache);
  }
  return require(union);
}

/** Makes the code cache of this process's V8 flags in `options.codeCache` (at build time, in a fresh process started with them). */
export async function makeLazyTfjsCodeCache(options: Required<LazyTfjsOptions>): Promise<void> {
  const require = unionRequire(options.from);
  standIn(require, options.listed);
  await makeCodeCache(require, options.codeCache, () => warmUp(require('@tensorflow/tfjs') as typeof import('@tensorflow/tfjs')));
}

/**
 * What every grading process does with tfjs soon after loading it, run before the code cache is
 * made so that the functions it compiles are in it too: a child builds the student's models and
 * serializes them, the trial process and the grader rebuild them from that JSON. Layers of the
 * course's models (dense, convolution, pooling, recurrent), compiled, serialized, rebuilt.
 */
async function warmUp(tf: typeof import('@tensorflow/tfjs')): Promise<void> {
  const models = [
    tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [4, 4, 1], filters: 2, kernelSize: 2, activation: 'relu' }), tf.layers.maxPooling2d({ poolSize: 2 }), tf.layers.flatten(), tf.layers.dropout({ rate: 0.1 }), tf.layers.dense({ units: 2, activation: 'softmax' })] }),
    tf.sequential({ layers: [tf.layers.simpleRNN({ inputShape: [3, 1], units: 2, returnSequences: true }), tf.layers.lstm({ units: 2 }), tf.layers.dense({ units: 1 })] }),
  ];
  for (const model of models) {
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['accuracy'] });
    const modelTopology = model.toJSON(null, false) as import('@tensorflow/tfjs').io.ModelJSON['modelTopology'];
    (await tf.models.modelFromJSON({ modelTopology })).dispose();
    model.dispose();
  }
}

/**
 * What an ES module exports for a name whose value is only known once a lazy package is loaded:
 * a proxy of a function (a class keeps `new`, `instanceof`, `extends` and its statics) or of an
 * object, every use of which is one of the real value's (read on first use).
 */
export function lazyValue(kind: 'function' | 'object', load: () => unknown): unknown {
  const real = (): object => load() as object;
  // The target has no non-configurable property (a bound function has no `prototype`, yet is a
  // constructor), so the proxy may report the real value's own properties, made configurable.
  const target = kind === 'function' ? function lazy(): void {}.bind(undefined) : {};
  return new Proxy(target, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      return d && { ...d, configurable: true };
    },
    defineProperty: (_, key, d) => Reflect.defineProperty(real(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    apply: (_, self, args) => Reflect.apply(real() as (...a: unknown[]) => unknown, self, args),
    construct: (_, args, newTarget) => Reflect.construct(real() as new (...a: unknown[]) => object, args, newTarget),
  });
}
