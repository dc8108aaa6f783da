import { chownSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createValueStore, valueKey, type ValueStoreOptions } from './value-store.js';

const work = mkdtempSync(join(tmpdir(), 'neurograde-value-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let folders = 0;
/** A store's options on a folder of its own. */
const fresh = (extra: Partial<ValueStoreOptions> = {}): ValueStoreOptions => ({ dir: join(work, `store-${++folders}`), version: 'build-1', ...extra });

/** A check's case set as casesCheck memoises it: steps with typed arrays, reference answers with NaN, -0 and a hole. Built anew at each call. */
function caseSet(): unknown {
  // eslint-disable-next-line no-sparse-arrays
  const holey = [1, , 3];
  const img = [
    [0, -0, 1.5],
    [NaN, Infinity, -Infinity],
  ];
  return {
    cases: [
      {
        id: 'random 1',
        title: { en: 'random 1', fr: 'aléatoire 1' },
        steps: [{ op: 'call', fn: 'conv2d', args: [{ data: img }, { data: new Float32Array([0.1, -0, NaN]) }, { builtin: 'relu' }], as: undefined }],
        input: { img, kernel: new Int16Array([-1, 0, 1]) },
      },
    ],
    expected: [[new Float64Array([-0, NaN, 5e-324]), holey, { shape: [2, 3], big: 2n ** 70n }]],
  };
}

type CaseSet = { cases: { steps: { args: { data: unknown }[] }[]; input: { img: unknown } }[]; expected: unknown[][] };

describe('a value store', () => {
  it('gives a fresh process the case set it stored, equal to computing it again: typed arrays, NaN, -0, holes', () => {
    const options = fresh();
    const first = vi.fn(caseSet);
    expect(createValueStore(options).recall(['shapes', 'random', '7', 'cases'], first)).toStrictEqual(caseSet());
    expect(first).toHaveBeenCalledTimes(1);

    const compute = vi.fn(caseSet);
    const store = createValueStore(options);
    const back = store.recall(['shapes', 'random', '7', 'cases'], compute) as CaseSet;
    expect(compute).not.toHaveBeenCalled();
    expect(store.counts).toEqual({ computed: 0, read: 1 });
    expect(back).toStrictEqual(caseSet());
    const [answer, holey] = back.expected[0] as [Float64Array, unknown[]];
    expect(answer).toBeInstanceOf(Float64Array);
    expect(Object.is(answer[0], -0)).toBe(true);
    expect(Number.isNaN(answer[1])).toBe(true);
    expect(Object.is((back.cases[0]!.steps[0]!.args[0]!.data as number[][])[0]![1], -0)).toBe(true);
    expect(1 in holey).toBe(false);
    expect(back.cases[0]!.steps[0]!.args[1]!.data).toBeInstanceOf(Float32Array);
    // The image shared by the steps and the input is one object again, as computed.
    expect(back.cases[0]!.input.img).toBe(back.cases[0]!.steps[0]!.args[0]!.data);
  });

  /** The one file a store wrote for a value. */
  function storedFile(options: ValueStoreOptions): string {
    createValueStore(options).recall(['k'], caseSet);
    const [name] = readdirSync(options.dir);
    return join(options.dir, name!);
  }

  it.each<[string, (file: string, options: ValueStoreOptions) => void]>([
    ['truncated', (f) => truncateSync(f, readFileSync(f).length - 7)],
    ['cut within its header', (f) => truncateSync(f, 12)],
    ['empty', (f) => writeFileSync(f, '')],
    ['a byte of the value changed', (f) => {
      const b = readFileSync(f);
      b[b.length - 3] ^= 0x40;
      writeFileSync(f, b);
    }],
    ['not a file of values', (f) => writeFileSync(f, '{"cases": []}')],
    ['another key\'s whole file', (f, o) => {
      createValueStore(o).recall(['other'], () => ({ cases: [], expected: [] }));
      const other = join(o.dir, `${valueKey('build-1', ['other'])}.bin`);
      copyFileSync(other, f);
    }],
  ])('ignores a file %s and computes the value again, then stores it whole', (_, spoil) => {
    const options = fresh();
    const file = storedFile(options);
    spoil(file, options);
    const compute = vi.fn(caseSet);
    expect(createValueStore(options).recall(['k'], compute)).toStrictEqual(caseSet());
    expect(compute).toHaveBeenCalledTimes(1);
    const again = vi.fn(caseSet);
    expect(createValueStore(options).recall(['k'], again)).toStrictEqual(caseSet());
    expect(again).not.toHaveBeenCalled();
  });

  it('reads no file larger than its bound, and writes none', () => {
    const options = fresh();
    storedFile(options);
    const small = { ...options, maxBytes: 64 };
    const compute = vi.fn(caseSet);
    createValueStore(small).recall(['k'], compute);
    expect(compute).toHaveBeenCalledTimes(1);
    const other = fresh({ maxBytes: 64 });
    createValueStore(other).recall(['k'], caseSet);
    expect(() => readdirSync(other.dir)).toThrow(/ENOENT/);
  });

  it.skipIf(process.getuid?.() !== 0)('reads no file of another user\'s (a shared temporary folder)', () => {
    const options = fresh();
    chownSync(storedFile(options), 65534, 65534);
    const compute = vi.fn(caseSet);
    createValueStore(options).recall(['k'], compute);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  class Point {
    constructor(readonly x: number) {}
  }
  it.each<[string, () => unknown]>([
    ['a class instance', () => ({ cases: [], expected: [[new Point(1)]] })],
    ['a function', () => ({ cases: [{ steps: [], pick: (x: number) => x }] })],
    ['a Map', () => [new Map([[1, 2]])]],
    ['a Buffer', () => ({ bytes: Buffer.from('ab') })],
  ])('keeps %s in memory only: computed again by the next process', (_, value) => {
    const options = fresh();
    const compute = vi.fn(value);
    createValueStore(options).recall(['k'], compute);
    createValueStore(options).recall(['k'], compute);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(() => readdirSync(options.dir)).toThrow(/ENOENT/);
  });

  it('reads nothing stored by another version (another grader build), and stores nothing when the version is unknown', () => {
    const options = fresh();
    storedFile(options);
    const compute = vi.fn(caseSet);
    createValueStore({ ...options, version: 'build-2' }).recall(['k'], compute);
    expect(compute).toHaveBeenCalledTimes(1);
    const unknown = fresh({ version: () => undefined });
    const store = createValueStore(unknown);
    store.recall(['k'], compute);
    store.recall(['k'], compute);
    expect(compute).toHaveBeenCalledTimes(3);
    expect(() => readdirSync(unknown.dir)).toThrow(/ENOENT/);
  });

  it('keeps its bound of values after a process\'s first write, the oldest written removed first', () => {
    const options = fresh({ maxEntries: 3 });
    const file = (p: string): string => `${valueKey('build-1', [p])}.bin`;
    const earlier = createValueStore(options);
    for (const p of ['a', 'b', 'c', 'd']) earlier.recall([p], () => p);
    // Pruned at its first write only: one process's writes may go beyond the bound.
    expect(readdirSync(options.dir)).toHaveLength(4);
    // Written long ago, in this order (not left to the clock's resolution).
    ['b', 'a', 'd', 'c'].forEach((p, i) => utimesSync(join(options.dir, file(p)), 1000 + i, 1000 + i));
    createValueStore(options).recall(['e'], () => 'e');
    expect(readdirSync(options.dir).sort()).toEqual(['c', 'd', 'e'].map(file).sort());
  });
});

describe('a value\'s key', () => {
  const parts = ['exercise-build-a', 'convolution', 'random-cases', '42', 'cases'];
  it.each([
    ['the grader build', ['build-2', parts]],
    ['the exercise\'s build', ['build-1', ['exercise-build-b', ...parts.slice(1)]]],
    ['the check', ['build-1', [parts[0], parts[1], 'property', parts[3], parts[4]]]],
    ['the seed', ['build-1', [...parts.slice(0, 3), '43', parts[4]]]],
    ['the memo key', ['build-1', [...parts.slice(0, 4), 'sample']]],
    ['where the parts are cut', ['build-1', ['exercise-build-aconvolution', ...parts.slice(2)]]],
  ] as const)('changes with %s', (_, [version, other]) => {
    expect(valueKey(version, other)).not.toBe(valueKey('build-1', parts));
  });
});
