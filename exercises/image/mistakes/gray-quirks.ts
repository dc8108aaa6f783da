import { quirky, type MistakeDefinition } from 'neurograde/kit';

/** The ways a grey level of the catalogue departs from the reference; none is the reference. */
export interface GrayQuirks {
  /** The luminance weights 0.299 R + 0.587 G + 0.114 B instead of the notes' mean of the channels. */
  readonly luminance: boolean;
  /** What becomes of the fraction: rounded to the nearest integer, or kept (the notes truncate, as numpy's integer cast). */
  readonly fraction: 'rounded' | 'kept';
}

/** `toGrayscale` with the given quirks; with none it computes what the reference does. */
export function quirkyGray(q: Partial<GrayQuirks>): (rgb: number[][][]) => number[][] {
  const level = q.luminance ? (px: number[]) => 0.299 * px[0]! + 0.587 * px[1]! + 0.114 * px[2]! : (px: number[]) => (px[0]! + px[1]! + px[2]!) / 3;
  // `+ 0` as the reference: Math.round(-0.3) and Math.trunc(-0.3) are -0, which a student's JSON answer cannot carry.
  const integer = q.fraction === 'kept' ? (x: number) => x : q.fraction === 'rounded' ? (x: number) => Math.round(x) + 0 : (x: number) => Math.trunc(x) + 0;
  return (rgb) => rgb.map((row) => row.map((px) => integer(level(px))));
}

/** A grey-level mistake as one quirk of `toGrayscale`, combinable with the others (luminance weights, rounded). */
export const grayQuirk = (quirk: Partial<GrayQuirks>): Pick<MistakeDefinition, 'overrides' | 'wrap'> => quirky<GrayQuirks>('toGrayscale', quirkyGray, quirk);
