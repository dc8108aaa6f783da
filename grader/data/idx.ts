/**
 * IDX files (the MNIST / Fashion-MNIST distribution format), raw or gzipped, and the
 * Fashion-MNIST loader. Fashion-MNIST ships in no npm package and the grading machines are
 * offline: a teacher drops the four standard files in a folder.
 *
 * Format: magic = two zero bytes, a dtype byte, a dimension-count byte; then one big-endian
 * uint32 per dimension; then the values, big-endian, row-major.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { makeImageSet, type ImageSplit } from './dataset.js';

/** Why an IDX file was refused. */
export type IdxErrorCode = 'IDX_MISSING_FILE' | 'IDX_BAD_GZIP' | 'IDX_BAD_MAGIC' | 'IDX_BAD_DTYPE' | 'IDX_TRUNCATED' | 'IDX_TRAILING_DATA' | 'IDX_MISMATCH';

/** An unreadable or inconsistent IDX file; `code` says why, `file` which one (when known). */
export class IdxError extends Error {
  override readonly name = 'IdxError';
  constructor(readonly code: IdxErrorCode, message: string, readonly file?: string) {
    super(file ? `${file}: ${message}` : message);
  }
}

/** The IDX value types, by dtype byte. */
const DTYPES = {
  0x08: { name: 'uint8', size: 1 },
  0x09: { name: 'int8', size: 1 },
  0x0b: { name: 'int16', size: 2 },
  0x0c: { name: 'int32', size: 4 },
  0x0d: { name: 'float32', size: 4 },
  0x0e: { name: 'float64', size: 8 },
} as const;
type DtypeByte = keyof typeof DTYPES;

/** A decoded IDX array. */
export interface IdxArray {
  dtype: (typeof DTYPES)[DtypeByte]['name'];
  shape: number[];
  data: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
}

/** Decodes IDX bytes (gunzipping first when they start with the gzip magic 1f 8b). */
export function parseIdx(bytes: Uint8Array, file?: string): IdxArray {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (err) {
      throw new IdxError('IDX_BAD_GZIP', `corrupt gzip data (${(err as Error).message})`, file);
    }
  }
  if (bytes.length < 4) throw new IdxError('IDX_TRUNCATED', `${bytes.length} bytes, shorter than the 4-byte magic number`, file);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const magic = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new IdxError('IDX_BAD_MAGIC', `magic number ${magic} does not start with 00 00: not an IDX file`, file);
  }
  const dtypeByte = bytes[2] as DtypeByte;
  const dtype = DTYPES[dtypeByte];
  if (!dtype) throw new IdxError('IDX_BAD_DTYPE', `unknown dtype byte 0x${bytes[2].toString(16)}`, file);
  const ndim = bytes[3];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = 4 + 4 * ndim;
  if (bytes.length < header) throw new IdxError('IDX_TRUNCATED', `header announces ${ndim} dimensions, file ends before them`, file);
  const shape = Array.from({ length: ndim }, (_, i) => view.getUint32(4 + 4 * i, false));
  const count = shape.reduce((p, d) => p * d, 1);
  const need = header + count * dtype.size;
  if (bytes.length < need) {
    throw new IdxError('IDX_TRUNCATED', `shape [${shape.join(', ')}] needs ${need} bytes, file has ${bytes.length}`, file);
  }
  if (bytes.length > need) throw new IdxError('IDX_TRAILING_DATA', `${bytes.length - need} bytes after the data of shape [${shape.join(', ')}]`, file);
  return { dtype: dtype.name, shape, data: decode(view, header, count, dtypeByte) };
}

function decode(view: DataView, at: number, n: number, dtype: DtypeByte): IdxArray['data'] {
  switch (dtype) {
    case 0x08: return new Uint8Array(view.buffer.slice(view.byteOffset + at, view.byteOffset + at + n));
    case 0x09: return new Int8Array(view.buffer.slice(view.byteOffset + at, view.byteOffset + at + n));
    case 0x0b: return Int16Array.from({ length: n }, (_, i) => view.getInt16(at + 2 * i, false));
    case 0x0c: return Int32Array.from({ length: n }, (_, i) => view.getInt32(at + 4 * i, false));
    case 0x0d: return Float32Array.from({ length: n }, (_, i) => view.getFloat32(at + 4 * i, false));
    case 0x0e: return Float64Array.from({ length: n }, (_, i) => view.getFloat64(at + 8 * i, false));
  }
}

/** Reads one IDX file; `base` may name the raw file or its `.gz` (whichever exists, raw first). */
export function readIdxFile(base: string): IdxArray {
  const candidates = base.endsWith('.gz') ? [base] : [base, `${base}.gz`];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new IdxError('IDX_MISSING_FILE', `not found (also tried ${candidates.slice(1).join(', ') || 'nothing else'})`, base);
  return parseIdx(readFileSync(file), file);
}

/** The four standard file names of MNIST-format data sets. */
export const IDX_FILES = {
  trainImages: 'train-images-idx3-ubyte', trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte', testLabels: 't10k-labels-idx1-ubyte',
} as const;

function imageSet(dir: string, imagesName: string, labelsName: string) {
  const imagesFile = path.join(dir, imagesName), labelsFile = path.join(dir, labelsName);
  const images = readIdxFile(imagesFile), labels = readIdxFile(labelsFile);
  if (images.dtype !== 'uint8' || images.shape.length !== 3) {
    throw new IdxError('IDX_MISMATCH', `expected uint8 images [n, rows, cols], got ${images.dtype} [${images.shape.join(', ')}]`, imagesFile);
  }
  if (labels.dtype !== 'uint8' || labels.shape.length !== 1) {
    throw new IdxError('IDX_MISMATCH', `expected uint8 labels [n], got ${labels.dtype} [${labels.shape.join(', ')}]`, labelsFile);
  }
  const [n, rows, cols] = images.shape;
  if (labels.shape[0] !== n) throw new IdxError('IDX_MISMATCH', `${labels.shape[0]} labels for ${n} images`, labelsFile);
  const bad = (labels.data as Uint8Array).findIndex((l) => l > 9);
  if (bad >= 0) throw new IdxError('IDX_MISMATCH', `label ${labels.data[bad]} at ${bad} is not a class 0..9`, labelsFile);
  const pixels = new Float32Array(images.data.length);
  for (let i = 0; i < pixels.length; i++) pixels[i] = images.data[i] / 255; // the notes' train_X / 255
  return makeImageSet(pixels, labels.data as Uint8Array, rows, cols);
}

/**
 * Fashion-MNIST (or any MNIST-format set) from `dir`: the four standard files, each raw or
 * `.gz`. Pixels normalised to 0..1, labels 0..9 plus one-hot.
 * @throws IdxError with `code` IDX_MISSING_FILE, IDX_BAD_MAGIC, IDX_TRUNCATED, IDX_MISMATCH, ...
 */
export function loadFashionMnist(dir: string): ImageSplit {
  return {
    train: imageSet(dir, IDX_FILES.trainImages, IDX_FILES.trainLabels),
    test: imageSet(dir, IDX_FILES.testImages, IDX_FILES.testLabels),
  };
}
