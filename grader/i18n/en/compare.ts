import type { Leaf, Mismatch, ValueKind } from '../../model/results.js';
import { mutationPath, type InputMutation, type Scalar } from '../../model/mutation.js';

const at = (m: { path?: string }, index?: readonly number[]): string => {
  const base = m.path ? `the output's ${m.path}` : 'the output';
  return index && index.length > 0 ? `${base} at [${index.join(', ')}]` : base;
};
const shape = (s: readonly number[]): string => (s.length === 0 ? 'a single number' : `shape ${s.join('x')}`);

const leaf = (l: Leaf): string => {
  switch (l.type) {
    case 'string':
      return `the string ${JSON.stringify(l.value)}`;
    case 'boolean':
      return `the boolean ${l.value}`;
    case 'undefined':
    case 'null':
      return l.type;
    case 'typed':
      return 'a typed array';
    case 'array':
    case 'object':
      return `an ${l.type}`;
    default:
      return `a ${l.type}`;
  }
};

const value = (v: ValueKind): string => {
  switch (v.kind) {
    case 'number':
      return 'a number';
    case 'numbers':
      return `a ${v.shape.join('x')} array of numbers`;
    case 'record':
      return `an object with ${v.keys.join(', ')}`;
    case 'field':
      return `a field "${v.key}"`;
    case 'no-field':
      return 'nothing by that name';
    case 'leaf':
      return leaf(v.leaf);
    case 'entry': {
      const e = v.entry;
      const what = e.type === 'number-among-arrays' ? 'a number where the others are arrays' : e.type === 'array-among-numbers' ? 'an array where the others are numbers' : leaf(e as Leaf);
      return `an array whose entry [${v.index.join(', ')}] is ${what}`;
    }
    case 'ragged':
      return `a ragged array: entry [${v.index.join(', ')}] has ${v.items} items where the first has ${v.first}`;
  }
};

const scalar = (v: Scalar): string => (typeof v === 'string' ? v : String(v));
const KINDS: Readonly<Record<string, string>> = { array: 'an array', 'typed array': 'a typed array', object: 'an object', undefined: 'undefined', null: 'null', number: 'a number', string: 'a string', boolean: 'a boolean', function: 'a function', unreadable: 'something unreadable', value: 'its value' };

/** "Expected f to leave its argument img unchanged, but img[0][1] changed from 3 to 0." */
function mutated(m: InputMutation): string {
  const path = mutationPath(m);
  const subject = m.positional ? `argument ${m.argument}${path ? ` at ${path}` : ''}` : `${m.argument}${path}`;
  const c = m.change;
  const kind = (v: Scalar): string => KINDS[scalar(v)] ?? scalar(v);
  const change =
    c.change === 'length'
      ? `the length of ${subject} changed from ${scalar(c.before)} to ${scalar(c.after)}`
      : c.change === 'type'
        ? `${subject} changed from ${kind(c.before)} to ${kind(c.after)}`
        : `${subject} changed from ${scalar(c.before)} to ${scalar(c.after)}`;
  return `Expected ${m.fn} to leave its argument ${m.argument} unchanged, but ${change}.`;
}

/** How a mismatch reads, in English. */
export const compare = {
  /** What a value is, for a wrong kind of answer. */
  value,
  mismatch: (m: Mismatch): string => {
    switch (m.kind) {
      case 'type':
        return `Expected ${at(m)} to be ${value(m.expected)}, but got ${value(m.got)}.`;
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
  /** An argument the student's code changed, in the template of every check message. */
  mutated,
  inCase: (label: string, text: string) => `${label}: ${text}`,
} as const;
