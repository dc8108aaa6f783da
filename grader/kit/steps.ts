import type { Arg, BuiltinName, Step } from '../sandbox/steps.js';

/** Step builders, so checks read like the calls they make. */
export const data = (value: unknown): Arg => ({ data: value });
export const ref = (name: string): Arg => ({ ref: name });
export const builtin = (name: BuiltinName): Arg => ({ builtin: name });
export const exported = (name: string): Arg => ({ export: name });

/** `fn(...args)`, each argument plain data. */
export function call(fn: string, ...args: unknown[]): Step {
  return { op: 'call', fn, args: args.map(data) };
}
/** `new cls(...args)` stored as `as`. */
export function construct(cls: string, as: string, args: readonly Arg[]): Step {
  return { op: 'new', cls, args, as };
}
/** `target.prop = value`. */
export function set(target: string, prop: string, value: unknown): Step {
  return { op: 'set', target, prop, value: data(value) };
}
/** `target.method(...args)`, each argument plain data. */
export function invoke(target: string, method: string, ...args: unknown[]): Step {
  return { op: 'invoke', target, method, args: args.map(data) };
}
