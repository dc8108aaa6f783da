/**
 * A child booted ahead with tfjs loaded (a batch worker's spare, a models exercise's first child)
 * waits for its module with tfjs' code loaded but never run, so the student's builders run it
 * cold. The child runs tfjs' weight initializers once on a small shape while it waits, before any
 * student code.
 *
 * Nothing of it is visible to graded code: no layer or variable is made (their names come from
 * counters the topology shows), every tensor is disposed (tidy), and initializers without a seed
 * draw from fresh random seeds anyway. The grader never relies on a child's random weights: its
 * checks set the weights they compare (grader/kit/models/predictions.ts).
 */

/** The initializers of the course's layers' defaults: kernels, biases, recurrent kernels. */
const INITIALIZERS = ['glorotUniform', 'zeros', 'orthogonal'] as const;

interface TfjsLike {
  readonly tidy: (f: () => unknown) => unknown;
  readonly initializers: Readonly<Record<string, ((args: object) => { apply(shape: readonly number[]): unknown }) | undefined>>;
}

const isTfjs = (mod: unknown): mod is TfjsLike =>
  typeof (mod as Partial<TfjsLike> | undefined)?.tidy === 'function' && typeof (mod as Partial<TfjsLike>).initializers === 'object';

/** Runs tfjs' weight initializers once each (tfjs' module namespace; anything else is left alone). Never throws. */
export function warmInitializers(mod: unknown): void {
  if (!isTfjs(mod)) return;
  try {
    mod.tidy(() => {
      for (const name of INITIALIZERS) mod.initializers[name]?.({}).apply([8, 8]);
      return undefined;
    });
  } catch {
    // A warm-up that fails costs the student's first build its speed, nothing else.
  }
}
