import { quirky, type MistakeDefinition } from 'neurograde/kit';
import type { Volume } from '../../../reference/shapes.js';

type Module = Readonly<Record<string, unknown>>;
type ConvLayer = { K: number; F: number; S: number; P: number };

/** The ways a formula of the catalogue departs from the notes'; none is the reference. */
export interface ShapeQuirks {
  /**
   * How a size is rounded instead of floor(...) + 1: the division left as it is, rounded up, or
   * the "+ 1" left out. One key: ceil(x) without the + 1 is floor(x) + 1 wherever x is not whole,
   * so two of these together would name two mistakes for what one other slip (the stride taken
   * as F, say) answers by coincidence.
   */
  readonly rounding: 'exact' | 'ceil' | 'no-plus-one';
  /** P added once instead of 2P. */
  readonly paddingOnce: boolean;
  /** A convolution's output depth kept from its input instead of K. */
  readonly depthNotK: boolean;
  /** The "+ 1" of each bias left out of the parameter counts. */
  readonly biasNotCounted: boolean;
  /** A filter's weights counted as F * F, its depth D forgotten. */
  readonly depthForgotten: boolean;
  /** The units x units recurrent weights left out of a SimpleRNN's count. */
  readonly rnnNoRecurrent: boolean;
}

type Q = Partial<ShapeQuirks>;

/** One side of an output: (N - F + padding) / S, rounded as the quirks say, + 1 unless left out. */
function side(q: Q, span: number, stride: number): number {
  const ratio = span / stride;
  if (q.rounding === 'exact') return ratio + 1;
  return q.rounding === 'ceil' ? Math.ceil(ratio) + 1 : Math.floor(ratio) + (q.rounding === 'no-plus-one' ? 0 : 1);
}

const BUILDERS: Readonly<Record<string, (q: Q) => unknown>> = {
  convOutputShape: (q) => (i: Volume, l: ConvLayer): Volume => {
    const pad = (q.paddingOnce ? 1 : 2) * l.P;
    return { W: side(q, i.W - l.F + pad, l.S), H: side(q, i.H - l.F + pad, l.S), D: q.depthNotK ? i.D : l.K };
  },
  poolOutputShape: (q) => (i: Volume, l: { F: number; S: number }): Volume => ({ W: side(q, i.W - l.F, l.S), H: side(q, i.H - l.F, l.S), D: i.D }),
  convParamCount: (q) => (F: number, D: number, K: number): number => (F * F * (q.depthForgotten ? 1 : D) + (q.biasNotCounted ? 0 : 1)) * K,
  denseParamCount: (q) => (inputs: number, units: number): number => (inputs + (q.biasNotCounted ? 0 : 1)) * units,
  simpleRnnParamCount: (q) => (inputDim: number, units: number): number => units * (inputDim + (q.rnnNoRecurrent ? 0 : units) + (q.biasNotCounted ? 0 : 1)),
};

/** The export `name` built with the quirks `q`; with none it computes what the reference does. */
export function quirkyShape(name: keyof typeof BUILDERS & string, q: Q): unknown {
  return BUILDERS[name]!(q);
}

/**
 * A shapes mistake as one quirk of the formulas it changes, combinable with every other shapes
 * mistake's: "+ 1" forgotten and P added once, made together, build the formula with both.
 */
export function shapeQuirk(quirk: Q, exports: readonly string[]): Pick<MistakeDefinition, 'overrides' | 'wrap'> {
  const parts = exports.map((name) => quirky<ShapeQuirks>(name, BUILDERS[name]!, quirk));
  return {
    overrides: Object.assign({}, ...parts.map((p) => p.overrides)) as Module,
    wrap: (base: Module) => {
      const built = parts.map((p) => p.wrap!(base));
      return built.every((b) => b !== undefined) ? (Object.assign({}, ...built) as Module) : undefined;
    },
  };
}
