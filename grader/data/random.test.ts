import { describe, expect, it } from 'vitest';
import { mulberry32, normalGenerator, permutation } from './random.js';

describe('seeded randomness', () => {
  it('repeats a sequence for a seed and differs between seeds, within [0, 1)', () => {
    const a = Array.from({ length: 1000 }, mulberry32(42));
    expect(Array.from({ length: 1000 }, mulberry32(42))).toEqual(a);
    expect(Array.from({ length: 1000 }, mulberry32(43))).not.toEqual(a);
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(a).size).toBe(1000);
  });

  it('draws standard normals (mean 0, variance 1 on 20,000 draws)', () => {
    const normal = normalGenerator(mulberry32(7));
    const xs = Array.from({ length: 20000 }, normal);
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const variance = xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    expect(xs.every(Number.isFinite)).toBe(true);
  });

  it('permutes 0..n-1, seeded', () => {
    const p = permutation(500, mulberry32(1));
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(Array.from(permutation(500, mulberry32(1)))).toEqual(Array.from(p));
    expect(Array.from(p)).not.toEqual(Array.from({ length: 500 }, (_, i) => i));
  });
});
