/**
 * Initializers, regularizers and constraints a layer config may name, with their parameters
 * bounded: a `{class_name, config}` object whose class is in the table and whose config keys are
 * exactly the table's. Anything else is refused before TensorFlow.js sees it (an `L1L2(1e308)`
 * makes every loss Infinity; a `VarianceScaling(scale 1e308)` draws Infinity weights).
 */
import { isObject, Refused, type Json } from './refusal.js';
import { bad, exactKeys, int, nullable, number, oneOf, type At, type Rule } from './values.js';

const seed = nullable(int(0, 2 ** 31));
const small = number(-1e3, 1e3);
const positive = number(1e-12, 1e3);
const axis = nullable(int(-4, 3));

/** Initializers by class, with their config keys. Orthogonal's cost is bounded by the layer (estimate.ts). */
export const INITIALIZERS: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  Zeros: {},
  Ones: {},
  Constant: { value: small },
  RandomNormal: { mean: small, stddev: positive, seed },
  RandomUniform: { minval: small, maxval: small, seed },
  TruncatedNormal: { mean: small, stddev: positive, seed },
  VarianceScaling: { scale: number(1e-6, 100), mode: oneOf('fan_in', 'fan_out', 'fan_avg'), distribution: oneOf('normal', 'uniform', 'truncated_normal'), seed },
  GlorotUniform: { seed },
  GlorotNormal: { seed },
  HeNormal: { seed },
  HeUniform: { seed },
  LeCunNormal: { seed },
  LeCunUniform: { seed },
  Orthogonal: { gain: number(-100, 100), seed },
  Identity: { gain: number(-100, 100) },
};

/** Keras' usual strengths are 1e-4 to 1e-2; 1 already dwarfs any data loss. */
export const REGULARIZERS: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  L1L2: { l1: number(0, 1), l2: number(0, 1) },
};

export const CONSTRAINTS: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  MaxNorm: { max_value: positive, axis },
  MinMaxNorm: { min_value: number(0, 1e3), max_value: positive, rate: number(0, 1), axis },
  NonNeg: {},
  UnitNorm: { axis },
};

function serialized(table: Readonly<Record<string, Readonly<Record<string, Rule>>>>): Rule {
  return (v: Json | undefined, at: At): void => {
    if (!isObject(v)) return bad(at);
    const keys = Object.keys(v);
    if (!keys.every((k) => k === 'class_name' || k === 'config') || typeof v.class_name !== 'string') return bad(at);
    const rules = Object.hasOwn(table, v.class_name) ? table[v.class_name]! : bad(at, `${at.field}.class_name`);
    exactKeys(v.config ?? {}, rules, { ...at, field: `${at.field}.config` }, (key) => {
      throw new Refused({ kind: 'unknown-key', index: at.index, className: at.className, key: `${at.field}.config.${key}` });
    });
  };
}

export const initializer: Rule = serialized(INITIALIZERS);
export const regularizer: Rule = nullable(serialized(REGULARIZERS));
export const constraint: Rule = nullable(serialized(CONSTRAINTS));
