import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { IDX_FILES, IdxError, loadFashionMnist, parseIdx, readIdxFile, type IdxErrorCode } from './idx.js';

const root = mkdtempSync(path.join(tmpdir(), 'neurograde-idx-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An IDX file: magic 00 00 dtype ndim, big-endian uint32 dims, then `body`. */
function idx(dtype: number, shape: number[], body: Uint8Array): Uint8Array {
  const header = Buffer.alloc(4 + 4 * shape.length);
  header[2] = dtype;
  header[3] = shape.length;
  shape.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, body]);
}
const images = (n: number, rows = 2, cols = 3) => idx(0x08, [n, rows, cols], Uint8Array.from({ length: n * rows * cols }, (_, i) => (i * 37) % 256));
const labels = (values: number[]) => idx(0x08, [values.length], Uint8Array.from(values));

function dataset(name: string, files: Partial<Record<keyof typeof IDX_FILES, Uint8Array>>, gz: (keyof typeof IDX_FILES)[] = []): string {
  const dir = path.join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (const [key, bytes] of Object.entries(files) as [keyof typeof IDX_FILES, Uint8Array][]) {
    const file = path.join(dir, IDX_FILES[key]);
    if (gz.includes(key)) writeFileSync(`${file}.gz`, gzipSync(bytes));
    else writeFileSync(file, bytes);
  }
  return dir;
}
const complete = () => ({ trainImages: images(4), trainLabels: labels([0, 9, 3, 3]), testImages: images(2), testLabels: labels([1, 2]) });

function expectCode(f: () => unknown, code: IdxErrorCode): IdxError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(IdxError);
    expect((err as IdxError).code).toBe(code);
    return err as IdxError;
  }
  throw new Error(`expected IdxError ${code}, nothing was thrown`);
}

describe('IDX reader', () => {
  it('decodes unsigned bytes with their dims', () => {
    const a = parseIdx(images(2));
    expect(a.dtype).toBe('uint8');
    expect(a.shape).toEqual([2, 2, 3]);
    expect(Array.from(a.data)).toEqual(Array.from({ length: 12 }, (_, i) => (i * 37) % 256));
  });

  it.each([
    { dtype: 0x09, name: 'int8', values: [-128, 5, 127], write: (b: Buffer, v: number, i: number) => b.writeInt8(v, i), size: 1 },
    { dtype: 0x0b, name: 'int16', values: [-30000, 2, 513], write: (b: Buffer, v: number, i: number) => b.writeInt16BE(v, 2 * i), size: 2 },
    { dtype: 0x0c, name: 'int32', values: [-70000, 1, 1 << 30], write: (b: Buffer, v: number, i: number) => b.writeInt32BE(v, 4 * i), size: 4 },
    { dtype: 0x0d, name: 'float32', values: [0.5, -2.25, 1e6], write: (b: Buffer, v: number, i: number) => b.writeFloatBE(v, 4 * i), size: 4 },
    { dtype: 0x0e, name: 'float64', values: [Math.PI, -1e-300, 7], write: (b: Buffer, v: number, i: number) => b.writeDoubleBE(v, 8 * i), size: 8 },
  ])('decodes big-endian $name', ({ dtype, name, values, write, size }) => {
    const body = Buffer.alloc(values.length * size);
    values.forEach((v, i) => write(body, v, i));
    const a = parseIdx(idx(dtype, [values.length], body));
    expect(a.dtype).toBe(name);
    expect(Array.from(a.data)).toEqual(values);
  });

  it('reads gzip transparently', () => {
    expect(Array.from(parseIdx(gzipSync(images(1))).data)).toEqual(Array.from(parseIdx(images(1)).data));
  });

  it('refuses bad magic, unknown dtype, truncated header or data, trailing bytes, corrupt gzip', () => {
    expectCode(() => parseIdx(Uint8Array.from([1, 2, 8, 1, 0, 0, 0, 1, 7])), 'IDX_BAD_MAGIC');
    expectCode(() => parseIdx(Buffer.from('PNG image, not IDX')), 'IDX_BAD_MAGIC');
    expectCode(() => parseIdx(idx(0x07, [1], Uint8Array.of(1))), 'IDX_BAD_DTYPE');
    expectCode(() => parseIdx(Uint8Array.of(0, 0)), 'IDX_TRUNCATED');
    expectCode(() => parseIdx(Uint8Array.of(0, 0, 8, 3, 0, 0, 0, 2)), 'IDX_TRUNCATED');
    const e = expectCode(() => parseIdx(images(3).subarray(0, 30), 'x.idx'), 'IDX_TRUNCATED');
    expect(e.message).toMatch(/x\.idx: shape \[3, 2, 3\] needs 34 bytes, file has 30/);
    expectCode(() => parseIdx(Buffer.concat([images(1), Uint8Array.of(0)])), 'IDX_TRAILING_DATA');
    expectCode(() => parseIdx(gzipSync(images(2)).subarray(0, 20)), 'IDX_BAD_GZIP');
  });

  it('names the missing file, having tried the .gz too', () => {
    const e = expectCode(() => readIdxFile(path.join(root, 'nope-idx1-ubyte')), 'IDX_MISSING_FILE');
    expect(e.file).toBe(path.join(root, 'nope-idx1-ubyte'));
    expect(e.message).toMatch(/nope-idx1-ubyte\.gz/);
  });
});

describe('loadFashionMnist', () => {
  it('loads the four standard files, raw or gzipped, normalised to 0..1 with one-hot labels', () => {
    const dir = dataset('ok', complete(), ['trainImages', 'testLabels']);
    const { train, test } = loadFashionMnist(dir);
    expect([train.count, train.height, train.width]).toEqual([4, 2, 3]);
    expect(Array.from(train.labels)).toEqual([0, 9, 3, 3]);
    expect(train.images[1]).toBeCloseTo(37 / 255, 7);
    expect(Math.max(...train.images)).toBeLessThanOrEqual(1);
    expect(Array.from(train.oneHot.subarray(10, 20))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(Array.from(test.labels)).toEqual([1, 2]);
  });

  it('says which file is missing', () => {
    const { testLabels: _, ...three } = complete();
    const e = expectCode(() => loadFashionMnist(dataset('missing', three)), 'IDX_MISSING_FILE');
    expect(e.message).toContain('t10k-labels-idx1-ubyte');
  });

  it('refuses inconsistent sets: label count, label range, image rank', () => {
    expectCode(() => loadFashionMnist(dataset('count', { ...complete(), trainLabels: labels([0, 1, 2]) })), 'IDX_MISMATCH');
    expectCode(() => loadFashionMnist(dataset('range', { ...complete(), testLabels: labels([1, 10]) })), 'IDX_MISMATCH');
    expectCode(() => loadFashionMnist(dataset('rank', { ...complete(), testImages: idx(0x08, [2, 6], new Uint8Array(12)) })), 'IDX_MISMATCH');
    expectCode(() => loadFashionMnist(dataset('magic', { ...complete(), trainImages: Buffer.from('garbage!') })), 'IDX_BAD_MAGIC');
  });
});
