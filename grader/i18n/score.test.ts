import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPercent, formatScore, percentOf, roundScore } from './score.js';

describe('formatScore', () => {
  it.each<[number, string, string]>([
    [0, '0', '0'],
    [10, '10', '10'],
    [7.5, '7.5', '7,5'],
    [0.1 + 0.2, '0.3', '0,3'],
    [74.995, '75', '75'],
    [74.994, '74.99', '74,99'],
    [2.675, '2.68', '2,68'],
    [1.005, '1.01', '1,01'],
    [1e-7, '0', '0'],
    [-1e-7, '0', '0'],
    [-2.5, '-2.5', '-2,5'],
    [0.125, '0.13', '0,13'],
    [6.666666, '6.67', '6,67'],
    [1234.5, '1234.5', '1234,5'],
    [1e6, '1000000', '1000000'],
  ])('%s reads %s in English and %s in French', (x, en, fr) => {
    expect(formatScore(x)).toBe(en);
    expect(formatScore(x, 'en')).toBe(en);
    expect(formatScore(x, 'fr')).toBe(fr);
  });

  it.each([NaN, Infinity, -Infinity])('shows %s as it is rather than a number it is not', (x) => {
    expect(formatScore(x)).toBe(String(x));
  });
});

describe('roundScore', () => {
  it.each<[number, number]>([
    [0.1 + 0.2, 0.3],
    [74.9995, 75],
    [2.0005, 2.001],
    [1e-7, 0],
    [-1e-7, 0],
    [6.6666, 6.667],
    [12, 12],
  ])('stores %s as %s', (x, stored) => {
    expect(roundScore(x)).toBe(stored);
    expect(Object.is(roundScore(x), -0)).toBe(false);
  });
});

describe('percentages', () => {
  it.each<[number, number, string, string]>([
    [7.5, 10, '75', '75'],
    [1, 3, '33.3', '33,3'],
    [2, 3, '66.7', '66,7'],
    [1, 300, '0.33', '0,33'],
    [0, 10, '0', '0'],
    [5, 0, '0', '0'],
    [10, 10, '100', '100'],
  ])('%s of %s is %s percent (%s in French)', (part, whole, en, fr) => {
    expect(formatPercent(part, whole)).toBe(en);
    expect(formatPercent(part, whole, 'fr')).toBe(fr);
  });

  it('is 0 of nothing', () => {
    expect(percentOf(3, 0)).toBe(0);
  });
});

describe('one score formatter', () => {
  /** The forms the copies this module replaced had: a regression test against a new one. */
  const COPIES = [/Math\.round\([^;]*\*\s*100+\s*\)\s*\/\s*100+/, /Number\.isInteger\(\w+\)\s*\?\s*String\(\w+\)\s*:\s*\w+\.toFixed\(2\)/, /new Intl\.NumberFormat\([^)]*maximumFractionDigits:\s*2/];
  const root = join(import.meta.dirname, '..', '..');
  const sources = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [join(dir, d.name)] : [],
    );

  it('has no other copy of score rounding in grader/ or reports/', () => {
    const copies = [...sources('grader'), ...sources('reports')]
      // analyze.ts rounds similarity ratios (4 decimals), not scores.
      .filter((f) => f !== join('grader', 'i18n', 'score.ts') && f !== join('grader', 'similarity', 'analyze.ts'))
      .flatMap((f) => readFileSync(join(root, f), 'utf8').split('\n').map((line, i) => [f, i + 1, line] as const))
      .filter(([, , line]) => COPIES.some((re) => re.test(line)))
      .map(([f, n]) => `${f}:${n}`);
    expect(copies).toEqual([]);
  });

  it('would see a copy', () => {
    expect(COPIES.some((re) => re.test('const fmt = (x: number): string => String(Math.round(x * 100) / 100);'))).toBe(true);
    expect(COPIES.some((re) => re.test('const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));'))).toBe(true);
  });
});
