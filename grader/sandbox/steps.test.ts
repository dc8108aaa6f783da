import { describe, expect, it } from 'vitest';
import { call, construct, data, builtin, invoke, set, exported } from '../kit/steps.js';
import { describeThrown, exportsUsed, runSteps, StepFaultError, type StepFault } from './steps.js';

const identity = (d: unknown): unknown => structuredClone(d);

class Counter {
  n = 0;
  step: number;
  constructor(step: number) {
    this.step = step;
  }
  add(k: number): number {
    this.n += k * this.step;
    return this.n;
  }
}

function faultOf(f: () => unknown): StepFault {
  try {
    f();
  } catch (e) {
    if (e instanceof StepFaultError) return e.fault;
    throw e;
  }
  throw new Error('expected a fault');
}

describe('runSteps', () => {
  it('returns the value of every call and invoke step, in order', () => {
    const mod = { double: (x: number) => 2 * x, Counter };
    const out = runSteps(mod, [call('double', 4), construct('Counter', 'c', [data(3)]), set('c', 'n', 10), invoke('c', 'add', 1), invoke('c', 'add', 2)], identity);
    expect(out).toEqual([8, 13, 19]);
  });

  it('passes built-in activations and other exports as functions', () => {
    const mod = { apply: (f: (x: number) => number, x: number) => f(x), sq: (x: number) => x * x };
    expect(runSteps(mod, [{ op: 'call', fn: 'apply', args: [builtin('relu'), data(-2)] }], identity)).toEqual([0]);
    expect(runSteps(mod, [{ op: 'call', fn: 'apply', args: [exported('sq'), data(3)] }], identity)).toEqual([9]);
  });

  it.each([
    ['a missing export', {}, [call('nope')], { kind: 'missing-export', name: 'nope' }],
    ['an export that is not a function', { f: 3 }, [call('f')], { kind: 'not-callable', name: 'f', expected: 'function' }],
    ['a missing method', { Counter }, [construct('Counter', 'c', [data(1)]), invoke('c', 'sub', 1)], { kind: 'not-callable', name: 'sub', expected: 'method' }],
  ])('turns %s into a fault, not a crash', (_, mod, steps, fault) => {
    expect(faultOf(() => runSteps(mod as Record<string, unknown>, steps, identity))).toEqual(fault);
  });

  it('reports what the code threw, with where it happened', () => {
    const mod = { boom: () => { throw new RangeError('too big'); } };
    expect(faultOf(() => runSteps(mod, [call('boom')], identity))).toMatchObject({ kind: 'threw', where: 'boom', error: { name: 'RangeError', message: 'too big' } });
  });

  it('hands each run a fresh copy of its inputs', () => {
    const input = [1, 2, 3];
    const mod = { mutate: (a: number[]) => { a[0] = 99; return a; } };
    runSteps(mod, [call('mutate', input)], identity);
    expect(input).toEqual([1, 2, 3]);
  });

  it('lists the exports a case uses', () => {
    expect(exportsUsed([construct('RnnLayer', 'l', [data(3), exported('sigmoid')]), invoke('l', 'forward', [[1]])])).toEqual(['RnnLayer', 'sigmoid']);
  });
});

describe('describeThrown never trusts the thrown value', () => {
  it.each([
    ['a string', 'plain', { name: 'string', message: 'plain' }],
    ['a number', 42, { name: 'number', message: '42' }],
    ['null', null, { name: 'object', message: 'null' }],
  ])('describes %s', (_, value, expected) => {
    expect(describeThrown(value)).toEqual(expected);
  });

  it('survives getters that throw and a toString that throws', () => {
    const evil = Object.create(null, {
      name: { get: () => { throw new Error('no name'); } },
      message: { get: () => { throw new Error('no message'); } },
      stack: { get: () => { throw new Error('no stack'); } },
    });
    expect(describeThrown(evil)).toEqual({ name: 'object', message: '(a thrown object without a readable message)' });
    const sym = Symbol('x');
    expect(describeThrown(sym).name).toBe('symbol');
  });
});
