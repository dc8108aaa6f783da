/**
 * Validators of single config values: each returns nothing when the value is one TensorFlow.js
 * builds safely, and throws a `bad-config` refusal naming the key path otherwise. Written as a
 * small vocabulary the layer table (layers.ts) and the object table (objects.ts) are made of.
 */
import { MODEL_LIMITS } from './limits.js';
import { isObject, Refused, type Json } from './refusal.js';

/** Where a value sits, for the refusal: the layer and the key path (`kernel_initializer.config.scale`). */
export interface At {
  readonly index: number;
  readonly className: string;
  readonly field: string;
}

export type Rule = (v: Json | undefined, at: At) => void;

export const bad = (at: At, field = at.field): never => {
  throw new Refused({ kind: 'bad-config', index: at.index, className: at.className, field });
};

const isInt = (v: Json | undefined, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

export const nullable = (rule: Rule): Rule => (v, at) => (v === null || v === undefined ? undefined : rule(v, at));

export const bool: Rule = (v, at) => (typeof v === 'boolean' ? undefined : bad(at));
export const nullOnly: Rule = (v, at) => (v === null || v === undefined ? undefined : bad(at));
export const falseOnly: Rule = (v, at) => (v === false || v === null || v === undefined ? undefined : bad(at));

export const int = (min: number, max: number = MODEL_LIMITS.dimension): Rule => (v, at) => (isInt(v, min, max) ? undefined : bad(at));

/** A finite number in [min, max]. */
export const number = (min: number, max: number): Rule => (v, at) => (typeof v === 'number' && v >= min && v <= max ? undefined : bad(at));

export const oneOf = (...values: readonly string[]): Rule => (v, at) => (typeof v === 'string' && values.includes(v) ? undefined : bad(at));

/** An integer, or a list of `n` integers (`kernel_size: 3` or `[3, 3]`). */
export const ints = (n: number, min = 1): Rule => (v, at) => {
  if (isInt(v, min, MODEL_LIMITS.dimension)) return;
  if (Array.isArray(v) && v.length === n && v.every((x) => isInt(x, min, MODEL_LIMITS.dimension))) return;
  bad(at);
};

/** A layer or model name: a short string (names never reach a message). */
export const name: Rule = (v, at) => (typeof v === 'string' && v.length <= MODEL_LIMITS.name ? undefined : bad(at));

/** A shape with the batch first: `[null, 28, 28, 1]`. */
export const batchShape: Rule = (v, at) => {
  if (!Array.isArray(v) || v.length < 2 || v.length > 6) return bad(at);
  if (!v.every((d, i) => (d === null ? i === 0 || i === 1 : isInt(d, 1, MODEL_LIMITS.dimension)))) bad(at);
};

/** Activation names as tfjs writes them (snake_case), all of them built in. */
export const ACTIVATIONS = [
  'linear', 'relu', 'relu6', 'elu', 'selu', 'sigmoid', 'hard_sigmoid', 'softmax', 'log_softmax', 'softplus', 'softsign', 'tanh', 'gelu', 'gelu_new', 'mish',
] as const;
export const activation: Rule = oneOf(...ACTIVATIONS);

/** An object whose keys are exactly among `rules` (no other spelling), each value checked. */
export function exactKeys(v: Json | undefined, rules: Readonly<Record<string, Rule>>, at: At, onUnknown: (key: string) => never): void {
  if (!isObject(v)) return bad(at);
  for (const key of Object.keys(v)) {
    const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
    if (!rule) onUnknown(key);
    else rule(v[key], { ...at, field: at.field ? `${at.field}.${key}` : key });
  }
}
