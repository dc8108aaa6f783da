import { quirky, type MistakeDefinition } from 'neurograde/kit';

/** The ways a `makeWindows` of the catalogue departs from the reference; none is the reference. */
export interface WindowQuirks {
  /** Windows made beyond (+1) or short of (-1) the n - s there are. */
  readonly count: -1 | 1;
  /** The target is the window's last input, series[i + s - 1]. */
  readonly targetLastInput: boolean;
  /** Y holds the targets themselves instead of one-value rows. */
  readonly notNested: boolean;
}

/** `makeWindows` with the given quirks; with none it computes what the reference does. */
export function quirkyWindows(q: Partial<WindowQuirks>): (series: number[], s: number) => { X: number[][]; Y: unknown[] } {
  return (series, s) => {
    const X: number[][] = [];
    const Y: unknown[] = [];
    const target = q.targetLastInput ? s - 1 : s;
    for (let i = 0; i < series.length - s + (q.count ?? 0); i++) {
      X.push(series.slice(i, i + s));
      Y.push(q.notNested ? series[i + target] : [series[i + target]]);
    }
    return { X, Y };
  };
}

/** A mistake's makeWindows as one quirk, combinable with every other window mistake's. */
export const windowQuirk = (quirk: Partial<WindowQuirks>): Pick<MistakeDefinition, 'overrides' | 'wrap'> => quirky<WindowQuirks>('makeWindows', quirkyWindows, quirk);
