import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/index.js';
import { LANGS } from '../model/localized.js';
import type { Relation } from '../model/results.js';
import { relations } from './relations/index.js';

const PARAMS: Readonly<Record<string, Relation['params']>> = {
  cropped: { top: 0, bottom: 1, left: 0, right: 1 },
  extended: { top: 0, bottom: 1, left: 0, right: 0 },
  shifted: { rows: 1, cols: 1 },
  scaled: { factor: 255 / 256, numerator: 255, denominator: 256 },
  offset: { offset: -1 },
  affine: { factor: 2, offset: -1 },
  'non-finite': { nan: 2, infinite: 0, total: 9 },
  transposed: { rows: 3, cols: 4 },
  reversed: { axis: 0 },
  'off-by-one': { above: 0, below: 2, total: 3 },
  'shape-differs': { rows: -1, cols: -1 },
  reshaped: { rank: 1, expectedRank: 2 },
  'column-offset': { axis: 1, differing: 3, lines: 4, min: -1, max: 2 },
  'row-offset': { axis: 0, differing: 2, lines: 3, min: 0, max: 0.5 },
  'right-until': { rows: 2, total: 5 },
};

describe('every relation has its own sentence in every language', () => {
  const cases = LANGS.flatMap((lang) => relations.map((r) => [lang, r.id] as const));
  it.each(cases)('%s: %s', (lang, id) => {
    const relation: Relation = { id, params: PARAMS[id] ?? {}, scope: 'every', sameParams: true, failing: 3 };
    const text = messages(lang).diagnose.relation(relation);
    expect(text).not.toContain(id === 'reversed' ? '«' : `"${id}"`);
    expect(text).not.toMatch(id === 'non-finite' ? /undefined/ : /undefined|NaN/);
    expect(text).toMatch(lang === 'en' ? /^In every failing case: / : /^Dans chaque cas qui échoue : /);
  });

  const one = (id: string, params: Relation['params']): Relation => ({ id, params, scope: 'every', sameParams: true, failing: 1 });
  it.each([
    ['a square answer transposed, without "3x3 instead of 3x3"', one('transposed', { rows: 3, cols: 3 }), 'Your output equals the expected output transposed (rows and columns swapped).', 'Votre sortie est égale à la sortie attendue transposée (lignes et colonnes échangées).'],
    ['NaN only', one('non-finite', { nan: 1, infinite: 0, total: 1 }), 'Your output has 1 NaN value out of 1, where every expected value is finite.', 'Votre sortie contient 1 NaN sur 1 valeur, alors que toutes les valeurs attendues sont finies.'],
    ['one less only', one('off-by-one', { above: 0, below: 2, total: 3 }), 'Every value of your output that differs is one less than expected (2 one less, out of 3).', "Chaque valeur fausse de votre sortie vaut un de moins que l'attendue (2 de moins, sur 3)."],
    ['a factor with no small fraction', one('scaled', { factor: 720 }), 'Your output equals the expected output times 720.', 'Votre sortie est égale à la sortie attendue multipliée par 720.'],
    [
      'a constant per column',
      one('column-offset', { axis: 1, differing: 3, lines: 4, min: -1, max: 2.5 }),
      'Each column of your output is the expected column plus a constant of its own (from -1 to 2.5; 3 of 4 columns differ).',
      'Chaque colonne de votre sortie vaut la colonne attendue plus une constante qui lui est propre (de -1 à 2,5 ; 3 colonnes sur 4 diffèrent).',
    ],
    [
      'a parameter replaced by another',
      { ...one('substituted', {}), path: 'S', moved: { S: 'F' }, call: 'poolOutputShape' },
      'Every answer of your poolOutputShape, right or wrong, is what the expected formula gives with S replaced by F.',
      'Chaque réponse de votre poolOutputShape, juste ou fausse, est celle de la formule attendue avec S remplacé par F.',
    ],
    [
      'a parameter replaced by a constant',
      { ...one('substituted', { value: 0 }), path: 'P', call: 'convOutputShape' },
      'Every answer of your convOutputShape, right or wrong, is what the expected formula gives with P replaced by 0.',
      'Chaque réponse de votre convOutputShape, juste ou fausse, est celle de la formule attendue avec P remplacé par 0.',
    ],
    [
      'a right beginning, one row',
      one('right-until', { rows: 1, total: 4 }),
      'The first row of your output is right; every row from row 2 on differs (of 4).',
      'La première ligne de votre sortie est juste ; chaque ligne à partir de la ligne 2 diffère (sur 4).',
    ],
  ])('words %s in both languages', (_what, relation, en, fr) => {
    expect(messages('en').diagnose.relation(relation)).toBe(en);
    expect(messages('fr').diagnose.relation(relation)).toBe(fr);
  });

  it('words the examples of the issue as observations', () => {
    const en = messages('en').diagnose;
    expect(en.relation({ id: 'cropped', params: PARAMS.cropped!, scope: 'every', sameParams: true, failing: 1 })).toBe(
      'Your output equals the expected output without its last row and last column.',
    );
    expect(en.relation({ id: 'scaled', params: PARAMS.scaled!, scope: 'shown', sameParams: true, failing: 2 })).toBe(
      'In the case shown: Your output equals the expected output times 255/256 (0.996094).',
    );
    expect(en.cases({ by: 'parameter', name: 'options.stride', failing: [2], passing: [1, null] })).toBe(
      "Only the cases with options.stride = 2 fail; every case with options.stride = 1 or not given passes.",
    );
    expect(messages('fr').diagnose.cases({ by: 'parameter', name: 'options.mode', failing: ['mean'], passing: ['max', 'l2'] })).toBe(
      "Seuls les cas avec options.mode = 'mean' échouent ; chaque cas avec options.mode = 'max' ou 'l2' réussit.",
    );
  });
});
