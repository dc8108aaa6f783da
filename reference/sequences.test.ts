import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { chronologicalSplit, makeWindows } from './sequences.js';
import { assertAllClose } from './test-helpers.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The notes' series: t = 0, 0.1, ..., 9.9 and x = sin(t) + 0.1 * noise, noise from a fixed LCG. */
function notesSeries(): number[] {
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31 - 0.5;
  };
  return Array.from({ length: 100 }, (_, i) => Math.sin(i * 0.1) + 0.1 * noise());
}

/** Oracle: tf.signal.frame cuts windows of s with hop 1; the last one has no target. */
function tfWindows(series: number[], s: number): { X: number[][]; Y: number[][] } {
  return tf.tidy(() => {
    const frames = tf.signal.frame(tf.tensor1d(series), s, 1).arraySync() as number[][];
    const targets = tf.tensor1d(series).slice(s).reshape([-1, 1]).arraySync() as number[][];
    return { X: frames.slice(0, series.length - s), Y: targets };
  });
}

describe('makeWindows', () => {
  it("gives the notes' shapes: 100 points, s = 6 -> X 94 x 6, Y 94 x 1", () => {
    const series = notesSeries();
    const { X, Y } = makeWindows(series, 6);
    expect(X).toHaveLength(94);
    expect(X.every((row) => row.length === 6)).toBe(true);
    expect(Y).toHaveLength(94);
    expect(Y.every((row) => row.length === 1)).toBe(true);
    for (let i = 0; i < 94; i++) {
      expect(Y[i][0]).toBe(series[i + 6]);
      expect(X[i]).toEqual(series.slice(i, i + 6));
    }
  });

  it('matches tf.signal.frame windows and shifted targets', () => {
    const c = fc
      .record({ n: fc.integer({ min: 2, max: 40 }), s: fc.integer({ min: 1, max: 10 }) })
      .filter(({ n, s }) => n > s)
      .chain(({ n, s }) =>
        fc.record({
          s: fc.constant(s),
          series: fc.array(fc.integer({ min: -1000, max: 1000 }).map((k) => k / 100), {
            minLength: n,
            maxLength: n,
          }),
        }),
      );
    fc.assert(
      fc.property(c, ({ series, s }) => {
        const got = makeWindows(series, s);
        const want = tfWindows(series, s);
        // tf holds float32 copies of the values: equal up to float32 rounding.
        assertAllClose(got.X, want.X, { rtol: 1e-6, atol: 0 });
        assertAllClose(got.Y, want.Y, { rtol: 1e-6, atol: 0 });
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    { n: 6, s: 6 },
    { n: 3, s: 5 },
    { n: 0, s: 1 },
  ])('returns no windows when n ($n) <= s ($s)', ({ n, s }) => {
    expect(makeWindows(Array.from({ length: n }, (_, i) => i), s)).toEqual({ X: [], Y: [] });
  });

  it('does not alias the input series', () => {
    const series = [1, 2, 3, 4];
    const { X } = makeWindows(series, 2);
    X[0][0] = 99;
    expect(series[0]).toBe(1);
  });
});

describe('chronologicalSplit', () => {
  it("splits the notes' windows at 80: first 80 train, last 14 test, order kept", () => {
    const { X, Y } = makeWindows(notesSeries(), 6);
    const { xTrain, yTrain, xTest, yTest } = chronologicalSplit(X, Y, 80);
    expect([xTrain.length, yTrain.length, xTest.length, yTest.length]).toEqual([80, 80, 14, 14]);
    expect(xTrain[0]).toBe(X[0]);
    expect(xTest[0]).toBe(X[80]);
    expect(yTest.at(-1)).toBe(Y[93]);
  });

  it('keeps order, loses nothing, and puts every train index before every test index', () => {
    const c = fc
      .integer({ min: 0, max: 30 })
      .chain((n) => fc.record({ n: fc.constant(n), trainCount: fc.integer({ min: 0, max: n }) }));
    fc.assert(
      fc.property(c, ({ n, trainCount }) => {
        // Objects carrying their time index, so order and identity are both checked.
        const X = Array.from({ length: n }, (_, t) => ({ t, kind: 'x' }));
        const Y = Array.from({ length: n }, (_, t) => ({ t, kind: 'y' }));
        const { xTrain, yTrain, xTest, yTest } = chronologicalSplit(X, Y, trainCount);
        expect([...xTrain, ...xTest]).toEqual(X);
        expect([...yTrain, ...yTest]).toEqual(Y);
        expect(xTrain.map((p) => p.t)).toEqual(yTrain.map((p) => p.t));
        expect(xTest.map((p) => p.t)).toEqual(yTest.map((p) => p.t));
        expect(xTrain).toHaveLength(trainCount);
        const lastTrain = Math.max(-1, ...xTrain.map((p) => p.t));
        expect(xTest.every((p) => p.t > lastTrain)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
