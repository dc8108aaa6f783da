/**
 * A case is a short program over the student's exports, sent to the child as data: call a
 * function, construct a class, set a field, call a method. The same interpreter runs it against
 * the student's module in the child and against the reference and the catalogue's mistaken
 * variants in the grader, so the three always see the very same inputs.
 * No Node imports: this file is bundled into the child.
 */

import { firstChange, snapshot, type ArgumentChange } from './mutation.js';

/** Activation functions a case can pass without sending code. */
export const BUILTINS = {
  sigmoid: (x: number): number => 1 / (1 + Math.exp(-x)),
  tanh: (x: number): number => Math.tanh(x),
  relu: (x: number): number => (x > 0 ? x : 0),
  identity: (x: number): number => x,
} as const;
export type BuiltinName = keyof typeof BUILTINS;

export type Arg =
  | { readonly data: unknown }
  | { readonly ref: string }
  | { readonly builtin: BuiltinName }
  | { readonly export: string };

export type Step =
  | { readonly op: 'call'; readonly fn: string; readonly args: readonly Arg[]; readonly as?: string }
  | { readonly op: 'new'; readonly cls: string; readonly args: readonly Arg[]; readonly as: string }
  | { readonly op: 'set'; readonly target: string; readonly prop: string; readonly value: Arg }
  | { readonly op: 'invoke'; readonly target: string; readonly method: string; readonly args: readonly Arg[]; readonly as?: string };

/** Why a case could not run to its end: a fault of the student's code, as data. */
export type StepFault =
  | { readonly kind: 'missing-export'; readonly name: string }
  | { readonly kind: 'not-callable'; readonly name: string; readonly expected: 'function' | 'class' | 'method' }
  | { readonly kind: 'threw'; readonly where: string; readonly error: ThrownInfo };

export class StepFaultError extends Error {
  readonly fault: StepFault;
  constructor(fault: StepFault) {
    super(fault.kind);
    this.fault = fault;
  }
}

/**
 * `e instanceof StepFaultError` without trusting `e`: for a Proxy, `instanceof` runs its
 * getPrototypeOf trap, which may throw.
 */
export function isStepFaultError(e: unknown): e is StepFaultError {
  try {
    return e instanceof StepFaultError;
  } catch {
    return false;
  }
}

/** A thrown value, described as data. */
export interface ThrownInfo {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

/** Describes a thrown value without trusting it: getters may throw, toString may lie. */
export function describeThrown(e: unknown): ThrownInfo {
  const safe = (f: () => unknown): string | undefined => {
    try {
      const v = f();
      return typeof v === 'string' ? v.slice(0, 4000) : undefined;
    } catch {
      return undefined;
    }
  };
  if (isStepFaultError(e)) return { name: 'StepFault', message: e.fault.kind };
  if ((typeof e === 'object' || typeof e === 'function') && e !== null) {
    const name = safe(() => (e as Error).name)?.slice(0, 200) ?? 'object';
    const message = safe(() => (e as Error).message) ?? '(a thrown object without a readable message)';
    // Frames of the student's module carry the whole bundle as a data: URL; without it they stay
    // short and the grader's source map still finds the line (see load/stack.ts).
    const stack = safe(() => {
      const s: unknown = (e as Error).stack;
      return typeof s === 'string' ? s.slice(0, 1_000_000).replace(/data:text\/javascript;base64,[A-Za-z0-9+/=]+/g, 'data:text/javascript;base64,') : s;
    });
    return stack === undefined ? { name, message } : { name, message, stack };
  }
  let message: string;
  try {
    message = String(e).slice(0, 4000);
  } catch {
    message = `(a thrown ${typeof e})`;
  }
  return { name: typeof e, message };
}

/**
 * Runs the steps against a module and returns the values of its `call` and `invoke` steps, in
 * order. Throws StepFaultError for a fault of the module's code.
 * @param decodeData turns a step's `data` into the value handed to the code (a fresh copy, so
 *   code that mutates its input cannot affect another run).
 */
export function runSteps(
  mod: Readonly<Record<string, unknown>>,
  steps: readonly Step[],
  decodeData: (data: unknown) => unknown,
): unknown[] {
  const run = new StepRun(mod, decodeData);
  for (const step of steps) run.step(step);
  return run.outputs;
}

/**
 * `runSteps`, also telling the first argument the student's code changed: each `data` argument
 * of a `call` or `invoke` is copied before the call and compared with the copy after it. A
 * constructor's arguments and the values `set` on an object are exempt: an object may keep and
 * change what it was given (an RNN layer's own weights and state are its own).
 */
export function runStepsWatched(
  mod: Readonly<Record<string, unknown>>,
  steps: readonly Step[],
  decodeData: (data: unknown) => unknown,
): { outputs: unknown[]; changed?: ArgumentChange } {
  const run = new StepRun(mod, decodeData, true);
  steps.forEach((step, i) => {
    run.index = i;
    run.step(step);
  });
  return run.changed ? { outputs: run.outputs, changed: run.changed } : { outputs: run.outputs };
}

/** One run of `runSteps`: the values named by `as`, and the outputs so far. */
class StepRun {
  private readonly scope = new Map<string, unknown>();
  readonly outputs: unknown[] = [];
  /** The step running, and the first argument change seen (when watching). */
  index = 0;
  changed?: ArgumentChange;

  constructor(
    private readonly mod: Readonly<Record<string, unknown>>,
    private readonly decodeData: (data: unknown) => unknown,
    private readonly watch = false,
  ) {}

  /** Copies of the data arguments that code could change, taken before the call (when watching and nothing changed yet). */
  private snapshots(specs: readonly Arg[], passed: readonly unknown[]): (unknown[] | undefined) {
    if (!this.watch || this.changed) return undefined;
    return passed.map((value, i) => ('data' in specs[i]! && typeof value === 'object' && value !== null ? snapshot(value) : undefined));
  }

  /** Compares each data argument, after the call, with its copy from before. */
  private checkArgs(before: readonly unknown[] | undefined, passed: readonly unknown[]): void {
    if (!before) return;
    for (let i = 0; i < passed.length; i++) {
      if (before[i] === undefined) continue;
      const found = firstChange(before[i], passed[i]);
      if (found) {
        this.changed = { step: this.index, arg: i, ...found };
        return;
      }
    }
  }

  step(step: Step): void {
    switch (step.op) {
      case 'call':
        return this.call(step);
      case 'new':
        return this.construct(step);
      case 'set':
        return this.set(step);
      case 'invoke':
        return this.invoke(step);
    }
  }

  private lookup(name: string): unknown {
    if (!Object.prototype.hasOwnProperty.call(this.mod, name) || this.mod[name] === undefined) {
      throw new StepFaultError({ kind: 'missing-export', name });
    }
    return this.mod[name];
  }

  private resolve(arg: Arg): unknown {
    if ('data' in arg) return this.decodeData(arg.data);
    if ('ref' in arg) return this.scope.get(arg.ref);
    if ('builtin' in arg) return BUILTINS[arg.builtin];
    return this.lookup(arg.export);
  }

  private args(args: readonly Arg[]): unknown[] {
    return args.map((a) => this.resolve(a));
  }

  /** Runs the student's code: what it throws is a fault of `name`. */
  private guard<T>(name: string, f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (isStepFaultError(e)) throw e;
      throw new StepFaultError({ kind: 'threw', where: name, error: describeThrown(e) });
    }
  }

  private call(step: Extract<Step, { op: 'call' }>): void {
    const fn = this.lookup(step.fn);
    if (typeof fn !== 'function') throw new StepFaultError({ kind: 'not-callable', name: step.fn, expected: 'function' });
    const args = this.args(step.args);
    const before = this.snapshots(step.args, args);
    const out = this.guard(step.fn, () => (fn as (...a: unknown[]) => unknown)(...args));
    this.checkArgs(before, args);
    if (step.as) this.scope.set(step.as, out);
    this.outputs.push(out);
  }

  private construct(step: Extract<Step, { op: 'new' }>): void {
    const cls = this.lookup(step.cls);
    if (typeof cls !== 'function') throw new StepFaultError({ kind: 'not-callable', name: step.cls, expected: 'class' });
    const args = this.args(step.args);
    this.scope.set(step.as, this.guard(step.cls, () => new (cls as new (...a: unknown[]) => unknown)(...args)));
  }

  private set(step: Extract<Step, { op: 'set' }>): void {
    const target = this.scope.get(step.target) as Record<string, unknown>;
    const value = this.resolve(step.value);
    this.guard(`${step.target}.${step.prop}`, () => {
      target[step.prop] = value;
    });
  }

  private invoke(step: Extract<Step, { op: 'invoke' }>): void {
    const target = this.scope.get(step.target) as Record<string, unknown>;
    const name = `${step.target}.${step.method}`;
    const method = this.guard(name, () => target?.[step.method]);
    if (typeof method !== 'function') throw new StepFaultError({ kind: 'not-callable', name: step.method, expected: 'method' });
    const args = this.args(step.args);
    const before = this.snapshots(step.args, args);
    const out = this.guard(name, () => (method as (...a: unknown[]) => unknown).apply(target, args));
    this.checkArgs(before, args);
    if (step.as) this.scope.set(step.as, out);
    this.outputs.push(out);
  }
}

/** The names of the exports a list of steps touches, for reporting what a case needs. */
export function exportsUsed(steps: readonly Step[]): string[] {
  const names = new Set<string>();
  for (const s of steps) {
    if (s.op === 'call') names.add(s.fn);
    if (s.op === 'new') names.add(s.cls);
    const args = s.op === 'set' ? [s.value] : 'args' in s ? s.args : [];
    for (const a of args) if ('export' in a) names.add(a.export);
  }
  return [...names];
}
