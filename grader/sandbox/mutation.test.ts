import { describe, expect, it } from 'vitest';
import { call, construct, data, invoke, set } from '../kit/steps.js';
import { firstChange } from './mutation.js';
import { runStepsWatched } from './steps.js';

const copy = (d: unknown): unknown => structuredClone(d);

describe('firstChange', () => {
  it.each([
    ['a number in a matrix', [[1, 2], [3, 4]], [[1, 2], [3, 0]], { at: [1, 1], change: 'value', before: 4, after: 0 }],
    ['a row cut short', [[1, 2, 3]], [[1, 2]], { at: [0], change: 'length', before: 3, after: 2 }],
    ['a series consumed', [1, 2, 3, 4], [4], { at: [], change: 'length', before: 4, after: 1 }],
    ['an option overwritten', { size: 2, stride: 2 }, { size: 2, stride: 1 }, { at: ['stride'], change: 'value', before: 2, after: 1 }],
    ['a row replaced by a number', [[1], [2]], [[1], 7], { at: [1], change: 'type', before: 'array', after: 'number' }],
    ['a value turned NaN', [0.5], [Number.NaN], { at: [0], change: 'value', before: 0.5, after: 'NaN' }],
    ['a typed array changed', new Float32Array([1, 2]), new Float32Array([1, 3]), { at: [1], change: 'value', before: 2, after: 3 }],
  ])('finds %s', (_name, before, after, found) => {
    expect(firstChange(before, after)).toEqual(found);
  });

  it.each([
    ['the same matrix', [[1, 2], [3, 4]], [[1, 2], [3, 4]]],
    ['NaN kept as NaN', [Number.NaN], [Number.NaN]],
    // Filling in a default the caller left out changes nothing the caller asked for.
    ['a default added to an options object', { size: 2 }, { size: 2, stride: 2 }],
    ['an empty array', [], []],
  ])('finds nothing in %s', (_name, before, after) => {
    expect(firstChange(before, after)).toBeUndefined();
  });

  it('counts a part that throws when read as a change, without throwing', () => {
    const hostile = [new Proxy([1], { get: () => { throw new Error('no'); } })];
    expect(firstChange([[1]], hostile)).toMatchObject({ change: 'type', after: 'unreadable' });
  });
});

describe('runStepsWatched', () => {
  it('tells the first data argument a call changed, with its step and position', () => {
    const mod = {
      pure: (a: number[]) => a.length,
      crop: (k: number, a: number[]) => ((a.length = k), k),
    };
    const out = runStepsWatched(mod, [call('pure', [1, 2, 3]), call('crop', 1, [5, 6, 7])], copy);
    expect(out.outputs).toEqual([3, 1]);
    expect(out.changed).toEqual({ step: 1, arg: 1, at: [], change: 'length', before: 3, after: 1 });
  });

  it('watches a method call\'s arguments but not what an object keeps or changes of its own', () => {
    class Layer {
      W: number[] = [];
      h: number[] = [0];
      constructor(public readonly init: number[]) {}
      forward(x: number[]): number {
        this.W[0] = 9;
        this.init[0] = 9;
        this.h[0]! += x[0]!;
        return this.h[0]!;
      }
      consume(x: number[]): number {
        return x.pop()!;
      }
    }
    const mod = { Layer };
    const own = runStepsWatched(mod, [construct('Layer', 'l', [data([1])]), set('l', 'W', [1, 2]), invoke('l', 'forward', [3])], copy);
    expect(own).toEqual({ outputs: [3] });
    const consumed = runStepsWatched(mod, [construct('Layer', 'l', [data([1])]), invoke('l', 'consume', [3, 4])], copy);
    expect(consumed.changed).toEqual({ step: 1, arg: 0, at: [], change: 'length', before: 2, after: 1 });
  });
});
