/**
 * TensorFlow.js' Orthogonal initializer, computed in plain JavaScript. tfjs factorises its random
 * matrix with `linalg.qr`, hundreds of small tensor operations: on the child's CPU backend a
 * SimpleRNN(20)'s recurrent kernel takes 30 to 90 ms to draw, an LSTM(16)'s 25 to 60 ms, and
 * every models submission's child drew three of them before its first answer. The same matrix
 * (the same random normal draw, seed included), orthonormalised by Gram-Schmidt in double
 * precision, takes well under a millisecond and gives tfjs' result up to float32 rounding: the Q
 * of a QR factorisation is unique once R's diagonal is made positive, which is what tfjs' sign
 * correction does. The child draws this way (sandbox/child/tf-guard.ts), and so do the grader's
 * model checks (`drawOrthogonalInJs`): the reference's RNN and LSTM, built and reseeded for every
 * check, drew about 150 ms of QR on the grader's main thread in one `check`. The trial process
 * (rebuild-host.ts) keeps tfjs' own draw: it bounds what a rebuild may cost, and tfjs' is the
 * costlier. No Node imports: this file is bundled into the child.
 */

interface TfLike {
  randomNormal(shape: number[], mean: number, stdDev: number, dtype?: 'float32' | 'int32', seed?: number): { dataSync(): ArrayLike<number>; dispose(): void };
  tensor(values: Float32Array, shape: number[], dtype?: 'float32'): unknown;
}

/** What tfjs' Orthogonal instance carries. */
export interface OrthogonalOwner {
  readonly gain?: number;
  readonly seed?: number;
}

/** Whether `mod` has what the plain computation needs (a tfjs module namespace does). */
export const canDrawOrthogonal = (mod: unknown): mod is TfLike =>
  typeof (mod as TfLike | undefined)?.randomNormal === 'function' && typeof (mod as TfLike | undefined)?.tensor === 'function';

/**
 * The columns of a tall matrix (rows >= cols, row-major) made orthonormal, in order, by modified
 * Gram-Schmidt applied twice ("twice is enough": orthogonal to double precision whatever the
 * conditioning). Undefined when the columns are dependent (a zero column left): tfjs' own
 * factorisation then decides.
 */
export function orthonormalColumns(a: ArrayLike<number>, rows: number, cols: number): Float64Array[] | undefined {
  const columns: Float64Array[] = [];
  for (let j = 0; j < cols; j++) {
    const v = new Float64Array(rows);
    for (let i = 0; i < rows; i++) v[i] = a[i * cols + j]!;
    for (let pass = 0; pass < 2; pass++) {
      for (const q of columns) {
        let dot = 0;
        for (let i = 0; i < rows; i++) dot += q[i]! * v[i]!;
        for (let i = 0; i < rows; i++) v[i]! -= dot * q[i]!;
      }
    }
    let norm = 0;
    for (let i = 0; i < rows; i++) norm += v[i]! * v[i]!;
    norm = Math.sqrt(norm);
    if (!(norm > 1e-12)) return undefined;
    for (let i = 0; i < rows; i++) v[i]! /= norm;
    columns.push(v);
  }
  return columns;
}

/**
 * tfjs' Orthogonal draw of `shape` (rank 2 or more, float32), or undefined where tfjs' own apply
 * should answer (another dtype, a shape it rejects, dependent columns).
 */
export function drawOrthogonal(tf: TfLike, owner: OrthogonalOwner, shape: readonly number[], dtype?: string): unknown {
  if (shape.length < 2 || (dtype !== undefined && dtype !== 'float32')) return undefined;
  const cols = shape[shape.length - 1]!;
  const rows = shape.slice(0, -1).reduce((p, d) => p * d, 1);
  const tall = rows >= cols;
  const [m, n] = tall ? [rows, cols] : [cols, rows];
  // The draw tfjs makes: an [m, n] standard normal matrix, with the initializer's seed.
  const random = tf.randomNormal([m, n], 0, 1, 'float32', owner.seed);
  let a: ArrayLike<number>;
  try {
    a = random.dataSync();
  } finally {
    random.dispose();
  }
  const q = orthonormalColumns(a, m, n);
  if (!q) return undefined;
  const gain = owner.gain ?? 1;
  // Q is [m, n]; a wide matrix is its transpose [n, m], read row-major as `shape`.
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[tall ? i * n + j : j * m + i] = gain * q[j]![i]!;
  return tf.tensor(out, [...shape], 'float32');
}

const DRAWS_IN_JS = Symbol.for('neurograde.orthogonal-in-js');

/** An initializer's draw, as tfjs' initializer classes have it. */
export interface Applicable {
  apply(shape: readonly number[], dtype?: string): unknown;
}

/** The Orthogonal initializer's class of a tfjs module namespace, or undefined when `mod` is not tfjs. */
export function orthogonalPrototype(mod: unknown): Applicable | undefined {
  const initializers = (mod as { initializers?: { orthogonal?: (args: object) => unknown } } | undefined)?.initializers;
  if (typeof initializers?.orthogonal !== 'function') return undefined;
  const proto = Object.getPrototypeOf(initializers.orthogonal({})) as Applicable | null;
  return proto && typeof proto.apply === 'function' ? proto : undefined;
}

/**
 * Makes the Orthogonal initializer of a loaded tfjs module draw in plain JavaScript (see the
 * file's header), tfjs' own draw answering whatever this one leaves to it. Idempotent; a module
 * that is not tfjs is left alone.
 */
export function drawOrthogonalInJs(mod: unknown): void {
  const proto = orthogonalPrototype(mod);
  if (!proto || !canDrawOrthogonal(mod) || (proto.apply as unknown as Record<symbol, unknown>)[DRAWS_IN_JS]) return;
  const draw = proto.apply;
  const inJs = function (this: OrthogonalOwner & Applicable, shape: readonly number[], dtype?: string): unknown {
    return drawOrthogonal(mod, this, shape, dtype) ?? draw.call(this, shape, dtype);
  };
  Object.defineProperty(inJs, DRAWS_IN_JS, { value: true });
  proto.apply = inJs;
}
