import type { Mismatch } from '../../model/results.js';
import type { Messages } from '../types.js';

const at = (m: { path?: string }, index?: readonly number[]): string => {
  const base = m.path ? `le champ ${m.path} de la sortie` : 'la sortie';
  return index && index.length > 0 ? `${base} en [${index.join(', ')}]` : base;
};
const shape = (s: readonly number[]): string => (s.length === 0 ? 'un seul nombre' : `la forme ${s.join('x')}`);
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Comment se lit un écart, en français. */
export const compare: Messages['compare'] = {
  mismatch: (m: Mismatch): string => {
    switch (m.kind) {
      case 'type':
        return `${cap(at(m))} devait être ${m.expected}, mais on obtient ${m.got}.`;
      case 'shape':
        return `${cap(at(m))} devait avoir ${shape(m.expected)}, mais on obtient ${shape(m.got)}.`;
      case 'values':
        return m.total === 1
          ? `${cap(at(m, m.index))} devait valoir ${m.expected}, mais on obtient ${m.got}.`
          : `${cap(at(m, m.index))} devait valoir ${m.expected}, mais on obtient ${m.got}` +
              ` (${m.mismatched} valeurs sur ${m.total} diffèrent ; erreur absolue max ${m.maxAbsError}, erreur relative max ${m.maxRelError}).`;
    }
  },
  inCase: (label, text) => `${label} : ${text}`,
};
