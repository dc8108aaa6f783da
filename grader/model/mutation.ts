/** A number, string, boolean or null; a non-finite number as its name ("NaN", "-Infinity"). */
export type Scalar = number | string | boolean | null;

/** The first change the child found in one argument of a case (see sandbox/mutation.ts). */
export interface ArgumentChange {
  /** Index of the case's step (a `call` or `invoke`) that changed it. */
  readonly step: number;
  /** Index of the argument in that call. */
  readonly arg: number;
  /** Where in the argument: indices and keys from its root, e.g. [0, 1] or ["stride"]. */
  readonly at: readonly (number | string)[];
  /** `value`: a number (or other scalar) changed; `length`: an array lost or gained items; `type`: a part was replaced by another kind of value (before and after are kinds: "array", "object", "undefined"...). */
  readonly change: 'value' | 'length' | 'type';
  readonly before: Scalar;
  readonly after: Scalar;
}

/** An argument the student's code changed, as the grader names it. */
export interface InputMutation {
  /** The function or method called. */
  readonly fn: string;
  /** The argument's name in the case's input, or else its position from 1 ("2"). */
  readonly argument: string;
  /** Whether `argument` is a position rather than a name. */
  readonly positional: boolean;
  readonly change: ArgumentChange;
}

/** Where in the argument, as code reads it: `[0][1]`, `.stride` (empty for the argument itself). */
export function mutationPath(m: InputMutation): string {
  return m.change.at.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
}
