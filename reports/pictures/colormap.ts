import type { Rgb } from './png.js';

/** Drawn for NaN and infinities: no greyscale or heat value can be mistaken for it. */
export const SPECIAL: Rgb = [255, 0, 255];
/** Outline of the entries beyond the tolerance on the difference heat map. */
export const OUTLINE: Rgb = [0, 0, 0];

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Black (lo) to white (hi); a flat range is mid grey; non-finite values are SPECIAL. */
export function grey(value: number, lo: number, hi: number): Rgb {
  if (!Number.isFinite(value)) return SPECIAL;
  const g = hi > lo ? Math.round(clamp01((value - lo) / (hi - lo)) * 255) : 128;
  return [g, g, g];
}

// White for "no difference", then yellow, orange, red, dark red (ColorBrewer YlOrRd): lightness
// falls monotonically, so the scale still reads in greyscale print and for colour-blind readers.
const HEAT_STOPS: readonly Rgb[] = [
  [255, 255, 255],
  [255, 237, 160],
  [254, 178, 76],
  [240, 59, 32],
  [128, 0, 38],
];

/** The difference heat map: 0 is white, `max` dark red; non-finite values are SPECIAL. */
export function heat(value: number, max: number): Rgb {
  if (!Number.isFinite(value)) return SPECIAL;
  const t = max > 0 ? clamp01(value / max) : 0;
  const pos = t * (HEAT_STOPS.length - 1);
  const i = Math.min(Math.floor(pos), HEAT_STOPS.length - 2);
  const f = pos - i;
  const a = HEAT_STOPS[i]!;
  const b = HEAT_STOPS[i + 1]!;
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as unknown as Rgb;
}
