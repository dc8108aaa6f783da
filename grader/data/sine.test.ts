import { describe, expect, it } from 'vitest';
import { noisySine } from './sine.js';

describe('noisySine', () => {
  it('has the notes shapes: 100 points, 94 windows of 6, 80 train and 14 test', () => {
    const d = noisySine({ seed: 1 });
    expect(d.t).toHaveLength(100);
    expect(d.t[3]).toBe(0.30000000000000004); // numpy's arange(0, 10, 0.1)[3]: start + i * step
    expect(d.t[99]).toBeCloseTo(9.9, 12);
    expect(d.X).toHaveLength(94);
    expect(d.X.every((w) => w.length === 6)).toBe(true);
    expect([d.xTrain.length, d.yTrain.length, d.xTest.length, d.yTest.length]).toEqual([80, 80, 14, 14]);
    expect(d.xTrainFlat).toHaveLength(480);
    expect(d.yTestFlat).toHaveLength(14);
  });

  it('windows the series: X[i] = x[i..i+5], Y[i] = [x[i+6]], chronological split', () => {
    const d = noisySine({ seed: 2 });
    for (const i of [0, 17, 93]) {
      expect(d.X[i]).toEqual(d.series.slice(i, i + 6));
      expect(d.Y[i]).toEqual([d.series[i + 6]]);
    }
    expect(d.xTest[0]).toEqual(d.X[80]);
    expect(d.xTrainFlat[6]).toBeCloseTo(d.series[1], 6);
  });

  it('adds seeded noise of amplitude 0.1 around sin(t)', () => {
    const a = noisySine({ seed: 3 });
    expect(noisySine({ seed: 3 }).series).toEqual(a.series);
    expect(noisySine({ seed: 4 }).series).not.toEqual(a.series);
    const residual = a.series.map((v, i) => v - Math.sin(a.t[i]));
    const sd = Math.sqrt(residual.reduce((s, r) => s + r * r, 0) / residual.length);
    expect(sd).toBeGreaterThan(0.06);
    expect(sd).toBeLessThan(0.14);
    expect(noisySine({ seed: 3, noise: 0 }).series).toEqual(a.t.map(Math.sin));
  });

  it('rejects impossible windows', () => {
    expect(() => noisySine({ s: 100 })).toThrow(RangeError);
    expect(() => noisySine({ trainCount: 95 })).toThrow(RangeError);
  });
});
