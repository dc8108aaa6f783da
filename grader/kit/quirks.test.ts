import { describe, expect, it } from 'vitest';
import { quirky, quirksOf } from './quirks.js';

interface Q {
  readonly scale: number;
  readonly shift: number;
}
const build = (q: Partial<Q>) => (x: number) => x * (q.scale ?? 1) + (q.shift ?? 0);
const reference = { f: build({}), g: (x: number) => x };

describe('quirky mistakes', () => {
  const doubled = quirky<Q>('f', build, { scale: 2 });
  const shifted = quirky<Q>('f', build, { shift: 1 });
  const tripled = quirky<Q>('f', build, { scale: 3 });
  type F = (x: number) => number;

  it('overrides the export with the quirk alone, tagged with it', () => {
    expect((doubled.overrides.f as F)(5)).toBe(10);
    expect(quirksOf<Q>(doubled.overrides.f)).toEqual({ scale: 2 });
    expect(quirksOf<Q>(reference.f)).toEqual({});
  });

  it('wraps another quirk: the export makes both, the other exports kept', () => {
    const both = { ...reference, ...doubled.overrides, ...shifted.wrap!({ ...reference, ...doubled.overrides }) };
    expect((both.f as F)(5)).toBe(11);
    expect(quirksOf<Q>(both.f)).toEqual({ scale: 2, shift: 1 });
    expect(both.g).toBe(reference.g);
  });

  it('wraps the reference as its overrides', () => {
    expect((tripled.wrap!(reference)!.f as F)(2)).toBe((tripled.overrides.f as F)(2));
  });

  it('refuses a base that set the same quirk otherwise', () => {
    expect(tripled.wrap!({ ...reference, ...doubled.overrides })).toBeUndefined();
  });
});
