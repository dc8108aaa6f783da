/**
 * TensorFlow.js draws an Orthogonal matrix (the default recurrent initializer of SimpleRNN, LSTM
 * and GRU) by a QR factorisation whose cost grows with the cube of its size: a SimpleRNN of 2000
 * units keeps the child busy for minutes while the student's builder runs. The grader would
 * refuse that model from its JSON anyway (grader/tf/input/inspect.ts, `costly-initializer`), so
 * the child refuses the draw before it starts, on the same estimate and the same budget, and the
 * student gets that refusal at once instead of a time-out on every check that builds the model.
 *
 * This is a courtesy to honest mistakes, not a bound: the student's code runs in this realm and
 * could undo it. What bounds a builder is the exercise's time limit, as for any code.
 */
import { MODEL_LIMITS } from '../../tf/input/limits.js';
import { orthogonalMatrix, orthogonalWork } from '../../tf/input/rebuild-work.js';
import { canDrawOrthogonal, drawOrthogonal, orthogonalPrototype, type Applicable, type OrthogonalOwner } from '../../tf/orthogonal.js';

/** The name of the error a refused draw throws; the grader reads the shape from its message (`rows x cols`). */
export const COSTLY_DRAW = 'NeurogradeCostlyDraw';

const GUARDED = Symbol.for('neurograde.costly-draw-guard');

/**
 * Makes the Orthogonal initializer of a loaded tfjs module refuse a draw past the grader's
 * rebuild budget, before any work, and draw the others in plain JavaScript (orthogonal.ts: the
 * same matrix, without tfjs' hundreds of small operations). Idempotent; a module that is not
 * tfjs is left alone.
 */
export function guardCostlyDraws(mod: unknown): void {
  const proto = orthogonalPrototype(mod);
  if (!proto || (proto.apply as unknown as Record<symbol, unknown>)[GUARDED]) return;
  const draw = proto.apply;
  const fast = canDrawOrthogonal(mod);
  const guarded = function (this: Applicable, shape: readonly number[], dtype?: string): unknown {
    if (Array.isArray(shape) && shape.length > 0 && shape.every((d) => Number.isInteger(d) && d > 0) && orthogonalWork(shape) > MODEL_LIMITS.rebuildWork) {
      const error = new Error(orthogonalMatrix(shape).join('x'));
      error.name = COSTLY_DRAW;
      throw error;
    }
    return (fast ? drawOrthogonal(mod as Parameters<typeof drawOrthogonal>[0], this as OrthogonalOwner, shape, dtype) : undefined) ?? draw.call(this, shape, dtype);
  };
  Object.defineProperty(guarded, GUARDED, { value: true });
  proto.apply = guarded;
}
