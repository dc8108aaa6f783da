/**
 * Causes of a failed learning check a student can see in their own model: frozen layers, a
 * kernel initializer that starts every unit equal, a learning rate far from the notes'. Data
 * (codes and parameters); the message is built by the i18n catalogue.
 */
import type { CompileInfo } from './compile.js';
import type { ModelFacts } from './facts.js';

export type Cause =
  | { readonly kind: 'frozen'; readonly layers: readonly { readonly className: string; readonly position: number }[] }
  | { readonly kind: 'constant-init'; readonly className: string; readonly position: number; readonly initializer: string }
  | { readonly kind: 'learning-rate'; readonly got: number; readonly want: number };

const CONSTANT_INITIALIZERS = new Set(['Zeros', 'Ones', 'Constant']);
/** A learning rate this many times larger or smaller than the notes' is named. */
export const LEARNING_RATE_FACTOR = 10;

const learningRate = (c: CompileInfo): number | undefined => {
  const lr = c.kind === 'settings' ? c.training.optimizer_config.config.learningRate : undefined;
  return typeof lr === 'number' ? lr : undefined;
};

export function visibleCauses(student: { facts: ModelFacts; compile: CompileInfo }, reference: { compile: CompileInfo }): Cause[] {
  const causes: Cause[] = [];
  const frozen = student.facts.layers.filter((l) => l.params > 0 && l.config.trainable === false).map((l) => ({ className: l.className, position: l.position }));
  if (frozen.length > 0) causes.push({ kind: 'frozen', layers: frozen });
  for (const l of student.facts.layers) {
    const init = l.config.kernelInitializer as { className?: unknown } | undefined;
    if (init && typeof init.className === 'string' && CONSTANT_INITIALIZERS.has(init.className)) {
      causes.push({ kind: 'constant-init', className: l.className, position: l.position, initializer: init.className.charAt(0).toLowerCase() + init.className.slice(1) });
    }
  }
  const got = learningRate(student.compile), want = learningRate(reference.compile);
  if (got !== undefined && want !== undefined && (got >= want * LEARNING_RATE_FACTOR || got <= want / LEARNING_RATE_FACTOR)) causes.push({ kind: 'learning-rate', got, want });
  return causes;
}
