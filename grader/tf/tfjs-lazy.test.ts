import { describe, expect, it } from 'vitest';
import { lazyValue } from './tfjs-lazy.js';

/** A value whose loads are counted. */
function counted<T>(value: T): { readonly load: () => T; readonly loads: () => number } {
  let n = 0;
  return { load: () => (n++, value), loads: () => n };
}

describe('lazyValue (a lazy package name exported by the ES shim)', () => {
  class Model {
    static kind = 'graph';
    constructor(readonly url: string) {}
    describe(): string {
      return `model at ${this.url}`;
    }
  }

  it('loads nothing until first used', () => {
    const real = counted(Model);
    lazyValue('function', real.load);
    expect(real.loads()).toBe(0);
  });

  it('stands in for a class: new, instanceof both ways, extends, statics, name', () => {
    const Lazy = lazyValue('function', () => Model) as typeof Model;
    const m = new Lazy('a.json');
    expect(m).toBeInstanceOf(Model);
    expect(new Model('b.json')).toBeInstanceOf(Lazy);
    expect(m.describe()).toBe('model at a.json');
    class Mine extends Lazy {
      own(): string {
        return 'mine';
      }
    }
    const mine = new Mine('c.json');
    expect([mine instanceof Model, mine.own(), mine.describe()]).toEqual([true, 'mine', 'model at c.json']);
    expect([Lazy.kind, Lazy.name, Object.getPrototypeOf(Lazy)]).toEqual(['graph', 'Model', Object.getPrototypeOf(Model)]);
    expect(() => (Lazy as unknown as () => void)()).toThrow(TypeError);
  });

  it('stands in for a function (its this and arguments) and for an object (keys, reads, writes)', () => {
    const fn = lazyValue('function', () => function add(this: { base: number }, a: number) { return this.base + a; }) as (this: { base: number }, a: number) => number;
    expect(fn.call({ base: 2 }, 3)).toBe(5);
    const real = { a: 1, b: { c: 2 } };
    const obj = lazyValue('object', () => real) as Record<string, unknown>;
    expect([Object.keys(obj), obj.b, 'a' in obj, { ...obj }]).toEqual([['a', 'b'], real.b, true, real]);
    obj.d = 4;
    expect(real).toHaveProperty('d', 4);
    // A frozen real value (non-configurable properties) is still read through the proxy.
    const frozen = lazyValue('object', () => Object.freeze({ x: 1 })) as Record<string, unknown>;
    expect([Object.keys(frozen), frozen.x, Object.getOwnPropertyDescriptor(frozen, 'x')?.value]).toEqual([['x'], 1, 1]);
  });
});
