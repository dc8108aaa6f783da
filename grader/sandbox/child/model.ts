import type { ModelEncoder } from '../wire.js';

/**
 * Turns a tf.LayersModel into its topology and compile settings. Duck-typed, so the child needs
 * no tfjs import of its own: the model crosses the boundary as data and the parent rebuilds it.
 */
export const encodeModel: ModelEncoder = (value) => {
  const m = value as Record<string, unknown>;
  if (typeof m.toJSON !== 'function' || !Array.isArray(m.layers) || typeof m.getLayer !== 'function') return undefined;
  const topology = (m.toJSON as (a: unknown, b: boolean) => unknown).call(m, null, false);
  const optimizer = m.optimizer as { getClassName?: () => string; getConfig?: () => unknown } | undefined;
  const loss = m.loss;
  return {
    topology,
    compile: m.isCompiled === false && optimizer === undefined
      ? null
      : {
          loss: typeof loss === 'function' ? (loss as { name?: string }).name ?? 'function' : loss ?? null,
          optimizer: optimizer?.getClassName?.() ?? null,
          optimizerConfig: optimizer?.getConfig?.() ?? null,
          metrics: (m.metrics as unknown) ?? (m.metricsNames as unknown) ?? null,
        },
  };
};
