import { quirky, type MistakeDefinition } from 'neurograde/kit';
import { notesConvol } from '../../convolution/mistakes/notes-convol.js';
import { divideByMax, gradients, maxOf, SOBEL_X, SOBEL_Y } from './sobel-parts.js';

/** The ways a Sobel of the catalogue departs from the reference; none is the reference. */
export interface SobelQuirks {
  /** What stands for the magnitude sqrt(gx^2 + gy^2): gx alone, |gx| + |gy|, or gx^2 + gy^2. */
  readonly magnitude: 'gx' | 'abs-sum' | 'squared';
  /** The magnitude returned as it is, not divided by its maximum. */
  readonly notNormalised: boolean;
  /** The gradients from the notes' convol, its result written at the patch's centre (and no guard for a maximum of 0). */
  readonly shifted: boolean;
}

function magnitude(q: Partial<SobelQuirks>, x: number, y: number): number {
  switch (q.magnitude) {
    case 'gx':
      return x;
    case 'abs-sum':
      return Math.abs(x) + Math.abs(y);
    case 'squared':
      return x * x + y * y;
    default:
      return Math.sqrt(x * x + y * y);
  }
}

/** `sobel` with the given quirks; with none it computes what the reference does. */
export function quirkySobel(q: Partial<SobelQuirks>): (gray: number[][]) => number[][] {
  return (gray) => {
    const { gx, gy } = q.shifted ? { gx: notesConvol(gray, SOBEL_X, 'centre'), gy: notesConvol(gray, SOBEL_Y, 'centre') } : gradients(gray);
    const mag = gx.map((row, i) => row.map((x, j) => magnitude(q, x, gy[i]![j]!)));
    if (q.notNormalised) return mag;
    if (!q.shifted) return divideByMax(mag);
    const max = maxOf(mag);
    return mag.map((row) => row.map((v) => v / max));
  };
}

/** A Sobel mistake as one quirk of `sobel`, combinable with every other Sobel mistake's (not normalised and no square root, made together). */
export const sobelQuirk = (quirk: Partial<SobelQuirks>): Pick<MistakeDefinition, 'overrides' | 'wrap'> => quirky<SobelQuirks>('sobel', quirkySobel, quirk);
