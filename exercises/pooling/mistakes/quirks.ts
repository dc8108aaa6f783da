import { quirky, type MistakeDefinition } from 'neurograde/kit';
import { poolWindows, type Mode, type PoolOptions } from './windows.js';

type Module = Readonly<Record<string, unknown>>;

/** The ways a pooling of the catalogue departs from the reference; none is the reference. */
export interface PoolQuirks {
  /** maxpooling, and pooling without a mode, return the window's mean. */
  readonly defaultMean: boolean;
  /** A stride left out is 1 (maxpooling's too): the windows overlap. */
  readonly strideDefaultOne: boolean;
  /** pooling's stride is the window size, whatever the caller gave. */
  readonly strideIgnored: boolean;
  /** Output ceil((N - F) / S) + 1 per axis, the windows past the edge filled with zeros. */
  readonly remainderPadded: boolean;
  /** The l2 mode without its square root, or as the root of the mean square. */
  readonly l2: 'no-sqrt' | 'rms';
  /** The running maximum starts at 0. */
  readonly maxFromZero: boolean;
  /** The mean divides by the window's side F, not by F * F. */
  readonly meanOverSize: boolean;
}

function reducer(q: Partial<PoolQuirks>, mode: Mode, size: number): (values: number[]) => number {
  const sum = (v: number[], f: (x: number) => number): number => v.reduce((a, b) => a + f(b), 0);
  switch (mode) {
    case 'max':
      return (v) => v.reduce((a, b) => (b > a ? b : a), q.maxFromZero ? 0 : -Infinity);
    case 'mean':
      return (v) => sum(v, (x) => x) / (q.meanOverSize ? size : v.length);
    case 'l2':
      return (v) => (q.l2 === 'no-sqrt' ? sum(v, (x) => x * x) : Math.sqrt(sum(v, (x) => x * x) / (q.l2 === 'rms' ? v.length : 1)));
  }
}

/** Windows of `size` every `stride`, as many as the quirks say, reduced by the mode. */
function pool(q: Partial<PoolQuirks>, img: number[][], window: { size: number; stride: number; mode: Mode }): number[][] {
  const { size, stride, mode } = window;
  const round = q.remainderPadded ? Math.ceil : Math.floor;
  const h = img.length;
  const w = h > 0 ? img[0]!.length : 0;
  return poolWindows(img, { size, stride, outH: round((h - size) / stride) + 1, outW: round((w - size) / stride) + 1 }, reducer(q, mode, size));
}

/** `pooling` with the given quirks; with none it computes what the reference does. */
export function quirkyPooling(q: Partial<PoolQuirks>): (img: number[][], options: PoolOptions) => number[][] {
  return (img, options) => {
    const size = options.size;
    const stride = q.strideIgnored ? size : (options.stride ?? (q.strideDefaultOne ? 1 : size));
    return pool(q, img, { size, stride, mode: options.mode ?? (q.defaultMean ? 'mean' : 'max') });
  };
}

/** `maxpooling` with the given quirks; with none it computes what the reference does. */
export function quirkyMaxpooling(q: Partial<PoolQuirks>): (img: number[][], n: number) => number[][] {
  return (img, n) => pool(q, img, { size: n, stride: q.strideDefaultOne ? 1 : n, mode: q.defaultMean ? 'mean' : 'max' });
}

/**
 * A pooling mistake as one quirk of the exports it changes (`pooling`, and `maxpooling` unless
 * `poolingOnly`), combinable with every other pooling mistake's: two made together build the
 * functions that make both, so both are named.
 */
export function poolQuirk(quirk: Partial<PoolQuirks>, options: { readonly poolingOnly?: boolean } = {}): Pick<MistakeDefinition, 'overrides' | 'wrap'> {
  const parts = [...(options.poolingOnly ? [] : [quirky<PoolQuirks>('maxpooling', quirkyMaxpooling, quirk)]), quirky<PoolQuirks>('pooling', quirkyPooling, quirk)];
  return {
    overrides: Object.assign({}, ...parts.map((p) => p.overrides)) as Module,
    wrap: (base: Module) => {
      const built = parts.map((p) => p.wrap!(base));
      return built.every((b) => b !== undefined) ? (Object.assign({}, ...built) as Module) : undefined;
    },
  };
}
