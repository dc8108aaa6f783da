import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../io/package.js';
import { LAZY_PACKAGES } from '../tf/tfjs-lazy.js';
import { buildTfjsShim, TFJS_SHIM_FILES } from './tfjs-shim.js';

const require = createRequire(import.meta.url);

/** Runs an ES module script in a fresh Node (nothing of tfjs loaded yet) and parses the JSON it prints. */
function fresh(dir: string, script: string): unknown {
  const file = join(dir, `probe-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, script);
  const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`probe failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as unknown;
}

// Which lazy packages a process really loaded (a stand-in in the module cache is a proxy).
const LOADED = `
import { createRequire } from 'node:module';
import { types } from 'node:util';
const require = createRequire(import.meta.url);
const loaded = () => ${JSON.stringify(LAZY_PACKAGES)}.filter((id) => { const m = require.cache[require.resolve(id, { paths: [${JSON.stringify(PACKAGE_ROOT)}] })]; return m !== undefined && !types.isProxy(m.exports); });
`;

describe('the tfjs shim (dist/vendor/tfjs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-tfjs-shim-'));
  const esm = pathToFileURL(join(dir, TFJS_SHIM_FILES.esm)).href;
  // The code cache made for a node without flags, as the grader runs.
  beforeAll(() => buildTfjsShim({ root: PACKAGE_ROOT, dir, resolveFrom: join(PACKAGE_ROOT, 'package.json'), codeCacheFlags: [[]] }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("re-exports every name of tfjs, the very objects require gives (a lazy package's as stand-ins acting as them), and the module as default", async () => {
    const shim = (await import(esm)) as Record<string, unknown>;
    const tf = require('@tensorflow/tfjs') as Record<string, unknown>;
    expect(shim.default).toBe(tf);
    const names = Object.keys(tf);
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((n) => !(n in shim))).toEqual([]);
    // tfjs 4.22's names of tfjs-converter and tfjs-backend-webgl (tfjs-data's are tf.data's members).
    const lazy = ['GraphModel', 'deregisterOp', 'loadGraphModel', 'loadGraphModelSync', 'registerOp', 'GPGPUContext', 'MathBackendWebGL', 'forceHalfFloat', 'gpgpu_util', 'setWebGLContext', 'webgl', 'webgl_util'];
    expect(names.filter((n) => !lazy.includes(n) && shim[n] !== tf[n])).toEqual([]);
    for (const n of lazy) expect(typeof shim[n]).toBe(typeof tf[n]);
    expect(shim.sequential).toBe(tf.sequential);
    expect(shim.data).toBe(tf.data);
    expect(Object.keys(shim.webgl as object)).toEqual(Object.keys(tf.webgl as object));
    const GraphModel = shim.GraphModel as new (url: string) => object;
    expect(new GraphModel('model.json')).toBeInstanceOf(tf.GraphModel as new () => object);
    expect(new (tf.GraphModel as new (url: string) => object)('model.json')).toBeInstanceOf(GraphModel);
  });

  it('loads tfjs-converter, tfjs-data and tfjs-backend-webgl only when one of their names is read, then gives their very objects', () => {
    const out = fresh(
      dir,
      `${LOADED}
const shim = await import(${JSON.stringify(esm)});
const atImport = loaded();
const version = shim.version;
const sequential = typeof shim.sequential(); // tfjs-layers works as ever
const afterVersion = loaded();
const values = await shim.data.array([1, 2, 3]).toArray();
const afterData = loaded();
const sameData = shim.data.array === require(require.resolve('@tensorflow/tfjs-data', { paths: [${JSON.stringify(PACKAGE_ROOT)}] })).array;
const converter = require(require.resolve('@tensorflow/tfjs-converter', { paths: [${JSON.stringify(PACKAGE_ROOT)}] }));
const sameGraphModel = shim.default.GraphModel === converter.GraphModel && new shim.GraphModel('m.json') instanceof converter.GraphModel;
console.log(JSON.stringify({ atImport, version, sequential, afterVersion, values, afterData, sameData, sameGraphModel, afterAll: loaded() }));
`,
    );
    const tf = require('@tensorflow/tfjs') as { version: unknown };
    expect(out).toEqual({
      atImport: [],
      version: tf.version,
      sequential: 'object',
      afterVersion: [],
      values: [1, 2, 3],
      afterData: ['@tensorflow/tfjs-data'],
      sameData: true,
      sameGraphModel: true,
      afterAll: ['@tensorflow/tfjs-converter', '@tensorflow/tfjs-data'],
    });
  });

  it('loads every package as tfjs does when an installed one is not the version the build listed', () => {
    const union = join(dir, TFJS_SHIM_FILES.union);
    const other = join(dir, 'tfjs-other-version.cjs');
    writeFileSync(other, readFileSync(union, 'utf8').replaceAll('"version":"', '"version":"0.0.0-').replaceAll("'./", `'${dir}/`));
    const out = fresh(dir, `${LOADED}\nconst tf = require(${JSON.stringify(other)});\nconsole.log(JSON.stringify({ loaded: loaded(), graphModel: typeof tf.GraphModel }));\n`);
    expect(out).toEqual({ loaded: [...LAZY_PACKAGES], graphModel: 'function' });
  });

  /** In a fresh node with these flags: how many files the code cache under `cache` compiled, and a computation's result. */
  function compiled(cache: string, flags: readonly string[] = []): unknown {
    const file = join(dir, `probe-${Math.random().toString(36).slice(2)}.cjs`);
    writeFileSync(
      file,
      `const { createRequire } = require('node:module');
const from = createRequire(${JSON.stringify(join(PACKAGE_ROOT, 'package.json'))}).resolve('@tensorflow/tfjs');
const used = require(${JSON.stringify(join(dir, TFJS_SHIM_FILES.lazy))}).loadFromCodeCache(createRequire(from), ${JSON.stringify(cache)});
const tf = require(from);
const w = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 1, kernelInitializer: 'ones' })] });
console.log(JSON.stringify({ used, out: Array.from(w.predict(tf.tensor2d([[1, 2]])).dataSync()), grad: Array.from(tf.grad((x) => x.square().sum())(tf.tensor1d([3])).dataSync()) }));
`,
    );
    const r = spawnSync(process.execPath, [...flags, file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`probe failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as unknown;
  }

  it("compiles tfjs' four largest files from the code cache made for the process's flags, and computes as without it", () => {
    const cache = join(dir, TFJS_SHIM_FILES.codeCache);
    expect(compiled(cache)).toEqual({ used: 4, out: [3], grad: [6] });
    // Another heap size is another V8 tag: no cache made for it.
    expect(compiled(cache, ['--max-old-space-size=300'])).toEqual({ used: 0, out: [3], grad: [6] });
  });

  it('loads a file as usual once it differs from the one the cache was made from (its size or time)', () => {
    const cache = join(dir, 'changed-cache');
    cpSync(join(dir, TFJS_SHIM_FILES.codeCache), cache, { recursive: true });
    const [tag] = readdirSync(cache);
    const manifest = join(cache, tag!, 'manifest.json');
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { files: Record<string, { size: number }> };
    m.files['@tensorflow/tfjs-layers']!.size += 1;
    writeFileSync(manifest, JSON.stringify(m));
    // tfjs-core first, from the cache; tfjs-layers and the files after it as usual.
    expect(compiled(cache)).toEqual({ used: 1, out: [3], grad: [6] });
  });
});
