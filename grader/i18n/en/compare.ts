import type { Mismatch } from '../../model/results.js';

const at = (m: { path?: string }, index?: readonly number[]): string => {
  const base = m.path ? `the output's ${m.path}` : 'the output';
  return index && index.length > 0 ? `${base} at [${index.join(', ')}]` : base;
};
const shape = (s: readonly number[]): string => (s.length === 0 ? 'a single number' : `shape ${s.join('x')}`);

/** How a mismatch reads, in English. */
export const compare = {
  mismatch: (m: Mismatch): string => {
    switch (m.kind) {
      case 'type':
        return `Expected ${at(m)} to be ${m.expected}, but got ${m.got}.`;
      case 'shape':
        return `Expected ${at(m)} to have ${shape(m.expected)}, but got ${shape(m.got)}.`;
      case 'values':
        // One number needs no statistics; an array does: how much and how widely it is wrong.
        return m.total === 1
          ? `Expected ${at(m, m.index)} to be ${m.expected}, but got ${m.got}.`
          : `Expected ${at(m, m.index)} to be ${m.expected}, but got ${m.got}` +
              ` (${m.mismatched} of ${m.total} entries differ; max absolute error ${m.maxAbsError}, max relative error ${m.maxRelError}).`;
    }
  },
  inCase: (label: string, text: string) => `${label}: ${text}`,
} as const;
