import type { MistakeDefinition } from './mistake.js';

/** Where a built export keeps the quirks it was built with: a symbol, so no student-visible name. */
const QUIRKS: unique symbol = Symbol('neurograde.quirks');

type Module = Readonly<Record<string, unknown>>;

/** The quirks an export was built with; none for the reference's own export. */
export function quirksOf<Q extends object>(value: unknown): Partial<Q> {
  if ((typeof value !== 'function' && typeof value !== 'object') || value === null) return {};
  return ((value as { [QUIRKS]?: Partial<Q> })[QUIRKS] ?? {}) as Partial<Q>;
}

/**
 * An export built from its quirks (`build({})` must behave as the reference), tagged with them so a
 * second mistake can add its own: `quirky('makeWindows', buildWindows, { target: 'last-input' })`.
 */
function tagged<Q extends object>(build: (quirks: Partial<Q>) => unknown, quirks: Partial<Q>): unknown {
  const built = build(quirks);
  Object.defineProperty(built, QUIRKS, { value: quirks, enumerable: false });
  return built;
}

/**
 * The `overrides` and `wrap` of a mistake that is one quirk of an export several mistakes replace
 * (the RNN layer's missing bias, its state kept between calls): the export is built from all the
 * quirks at once, so two such mistakes combine into the layer that makes both, and both are
 * named. `wrap(base)` adds this quirk to those `base`'s export was built with (none for the
 * reference), and refuses a base that set the same quirk otherwise (one window too many).
 */
export function quirky<Q extends object>(name: string, build: (quirks: Partial<Q>) => unknown, quirk: Partial<Q>): Pick<MistakeDefinition, 'overrides' | 'wrap'> {
  return {
    overrides: { [name]: tagged(build, quirk) },
    wrap: (base: Module) => {
      const before = quirksOf<Q>(base[name]);
      const clash = (Object.keys(quirk) as (keyof Q)[]).some((k) => k in before && before[k] !== quirk[k]);
      return clash ? undefined : { [name]: tagged(build, { ...before, ...quirk }) };
    },
  };
}
