import { quirky, type MistakeDefinition } from 'neurograde/kit';

/** The ways a `toCategorical` of the catalogue departs from the reference; none is the reference. */
export interface OneHotQuirks {
  /** max(labels) classes instead of max(labels) + 1 when numClasses is not given. */
  readonly oneClassTooFew: boolean;
  /** numClasses never read: the width always comes from the labels. */
  readonly numClassesIgnored: boolean;
  /** Labels read as starting at 1: the 1 of label l in column l - 1. */
  readonly labelShifted: boolean;
}

/** `toCategorical` with the given quirks; with none it computes what the reference does. */
export function quirkyOneHot(q: Partial<OneHotQuirks>): (labels: number[], numClasses?: number) => number[][] {
  return (labels, numClasses) => {
    if (labels.length === 0) return [];
    const max = labels.reduce((m, l) => Math.max(m, l), -Infinity);
    const n = (q.numClassesIgnored ? undefined : numClasses) ?? (q.oneClassTooFew ? max : max + 1);
    const hot = (label: number): number => (q.labelShifted ? label - 1 : label);
    return labels.map((label) => Array.from({ length: n }, (_, k) => (k === hot(label) ? 1 : 0)));
  };
}

/** A mistake's toCategorical as one quirk, combinable with every other one-hot mistake's. */
export const oneHotQuirk = (quirk: Partial<OneHotQuirks>): Pick<MistakeDefinition, 'overrides' | 'wrap'> => quirky<OneHotQuirks>('toCategorical', quirkyOneHot, quirk);
