import { describe, expect, it } from 'vitest';
import type { Mismatch } from '../model/results.js';
import { messages } from './index.js';

const values = (total: number): Mismatch => ({ kind: 'values', index: [2, 3], expected: 12, got: -12, maxAbsError: 24, maxRelError: 2, mismatched: 5, total });

describe('messages follow one template per language', () => {
  it.each([
    ['en', { kind: 'type', expected: { kind: 'numbers', shape: [3, 3] }, got: { kind: 'leaf', leaf: { type: 'undefined' } } } as Mismatch, /^Expected the output to be a 3x3 array of numbers, but got undefined\.$/],
    ['en', { kind: 'shape', expected: [42, 75], got: [43, 76] } as Mismatch, /^Expected the output to have shape 42x75, but got shape 43x76\.$/],
    ['en', values(20), /^Expected the output at \[2, 3\] to be 12, but got -12 \(5 of 20 entries differ; max absolute error 24, max relative error 2\)\.$/],
    ['en', values(1), /^Expected the output at \[2, 3\] to be 12, but got -12\.$/],
    ['fr', { kind: 'type', expected: { kind: 'numbers', shape: [3, 3] }, got: { kind: 'leaf', leaf: { type: 'undefined' } }, path: 'X' } as Mismatch, /^Le champ X de la sortie devait être un tableau de nombres 3x3, mais on obtient undefined\.$/],
    ['fr', { kind: 'shape', expected: [42, 75], got: [43, 76] } as Mismatch, /^La sortie devait avoir la forme 42x75, mais on obtient la forme 43x76\.$/],
    ['fr', values(20), /^La sortie en \[2, 3\] devait valoir 12, mais on obtient -12 \(5 valeurs sur 20 diffèrent ; erreur absolue max 24, erreur relative max 2\)\.$/],
    ['fr', { ...values(20), expected: 0.5, got: 'Infinity', maxAbsError: 'Infinity', maxRelError: 'Infinity' } as Mismatch, /^La sortie en \[2, 3\] devait valoir 0,5, mais on obtient ∞ \(5 valeurs sur 20 diffèrent ; erreur absolue max infinie, erreur relative max infinie\)\.$/],
    ['fr', { ...values(20), expected: 1e-7, got: -0.25, maxRelError: 2.5e21 } as Mismatch, /^La sortie en \[2, 3\] devait valoir 1e-7, mais on obtient -0,25 \(.* erreur relative max 2,5e\+21\)\.$/],
  ] as const)('%s: %j', (lang, mismatch, pattern) => {
    expect(messages(lang).compare.mismatch(mismatch)).toMatch(pattern);
  });

  it('has every English message in French too, and not merely copied', () => {
    const walk = (en: unknown, fr: unknown, path: string): string[] => {
      if (typeof en === 'function') return typeof fr === 'function' ? [] : [path];
      if (typeof en === 'string') return typeof fr === 'string' && (fr !== en || en.length < 8) ? [] : [path];
      if (en && typeof en === 'object') return Object.keys(en).flatMap((k) => walk((en as Record<string, unknown>)[k], (fr as Record<string, unknown> | undefined)?.[k], `${path}.${k}`));
      return [];
    };
    expect(walk(messages('en'), messages('fr'), '')).toEqual([]);
  });
});
