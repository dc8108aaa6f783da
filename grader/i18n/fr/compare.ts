import type { Leaf, Mismatch, ValueKind } from '../../model/results.js';
import type { Messages } from '../types.js';
import { nombre } from './numbers.js';
import { mutationPath, type InputMutation, type Scalar } from '../../model/mutation.js';

const at = (m: { path?: string }, index?: readonly number[]): string => {
  const base = m.path ? `le champ ${m.path} de la sortie` : 'la sortie';
  return index && index.length > 0 ? `${base} en [${index.join(', ')}]` : base;
};
const shape = (s: readonly number[]): string => (s.length === 0 ? 'un seul nombre' : `la forme ${s.join('x')}`);
/** An error bound: « infinie » reads as French where ∞ would stand alone. */
const maxError = (x: number | string): string => (Number(x) === Infinity ? 'infinie' : nombre(x));
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const LEAVES = { function: 'une fonction', model: 'un modèle', tensor: 'un tenseur', typed: 'un tableau typé', array: 'un tableau', object: 'un objet' } as const;

const leaf = (l: Leaf): string => {
  switch (l.type) {
    case 'string':
      return `la chaîne ${JSON.stringify(l.value)}`;
    case 'boolean':
      return `le booléen ${l.value}`;
    case 'undefined':
    case 'null':
      return l.type;
    default:
      return LEAVES[l.type];
  }
};

const value = (v: ValueKind): string => {
  switch (v.kind) {
    case 'number':
      return 'un nombre';
    case 'numbers':
      return `un tableau de nombres ${v.shape.join('x')}`;
    case 'record':
      return `un objet avec ${v.keys.join(', ')}`;
    case 'field':
      return `un champ « ${v.key} »`;
    case 'no-field':
      return 'rien sous ce nom';
    case 'leaf':
      return leaf(v.leaf);
    case 'entry': {
      const e = v.entry;
      const what = e.type === 'number-among-arrays' ? 'un nombre là où les autres sont des tableaux' : e.type === 'array-among-numbers' ? 'un tableau là où les autres sont des nombres' : leaf(e as Leaf);
      return `un tableau dont l'élément [${v.index.join(', ')}] est ${what}`;
    }
    case 'ragged':
      return `un tableau irrégulier : l'élément [${v.index.join(', ')}] a ${v.items} éléments là où le premier en a ${v.first}`;
  }
};

const scalaire = (v: Scalar): string => (typeof v === 'number' ? nombre(v) : typeof v === 'string' && /^-?(NaN|Infinity)$/.test(v) ? nombre(v) : String(v));
const GENRES: Readonly<Record<string, string>> = { array: 'un tableau', 'typed array': 'un tableau typé', object: 'un objet', undefined: 'undefined', null: 'null', number: 'un nombre', string: 'une chaîne', boolean: 'un booléen', function: 'une fonction', unreadable: 'une valeur illisible', value: 'sa valeur' };

/** « Attendu : que f laisse son argument img inchangé, mais img[0][1] est passé de 3 à 0. » */
function mutated(m: InputMutation): string {
  const path = mutationPath(m);
  const sujet = m.positional ? `l'argument ${m.argument}${path ? ` en ${path}` : ''}` : `${m.argument}${path}`;
  const c = m.change;
  const genre = (v: Scalar): string => GENRES[String(v)] ?? scalaire(v);
  const change =
    c.change === 'length'
      ? `la longueur de ${sujet} est passée de ${scalaire(c.before)} à ${scalaire(c.after)}`
      : c.change === 'type'
        ? `${sujet} est passé de ${genre(c.before)} à ${genre(c.after)}`
        : `${sujet} est passé de ${scalaire(c.before)} à ${scalaire(c.after)}`;
  return `${m.fn} devait laisser son argument ${m.argument} inchangé, mais ${change}.`;
}

/** Comment se lit un écart, en français. */
export const compare: Messages['compare'] = {
  value,
  mismatch: (m: Mismatch): string => {
    switch (m.kind) {
      case 'type':
        return `${cap(at(m))} devait être ${value(m.expected)}, mais on obtient ${value(m.got)}.`;
      case 'shape':
        return `${cap(at(m))} devait avoir ${shape(m.expected)}, mais on obtient ${shape(m.got)}.`;
      case 'values':
        return m.total === 1
          ? `${cap(at(m, m.index))} devait valoir ${nombre(m.expected)}, mais on obtient ${nombre(m.got)}.`
          : `${cap(at(m, m.index))} devait valoir ${nombre(m.expected)}, mais on obtient ${nombre(m.got)}` +
              ` (${m.mismatched} valeurs sur ${m.total} diffèrent ; erreur absolue max ${maxError(m.maxAbsError)}, erreur relative max ${maxError(m.maxRelError)}).`;
    }
  },
  mutated,
  inCase: (label, text) => `${label} : ${text}`,
};
