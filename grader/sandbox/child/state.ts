/**
 * What a student's module could leave behind in the child for the next exercise: globals added
 * or replaced, changed `process` fields or environment, listeners, timers and open handles. The
 * runner takes a baseline before any student code runs, and loads the next exercise of the same
 * submission only if nothing differs; otherwise the grader starts a fresh child. Built-in objects
 * are compared too: a module that changes them at import is refused (see `builtinChanges`).
 */

type Snapshot = ReadonlyMap<string, ReadonlyMap<PropertyKey, PropertyDescriptor>>;

export interface ChildState {
  readonly objects: Snapshot;
  readonly resources: readonly string[];
}

function watched(): ReadonlyArray<readonly [string, object]> {
  return [
    ['globalThis', globalThis],
    ['process', process],
    ['process.env', process.env],
    ['process.argv', process.argv],
    ['process.execArgv', process.execArgv],
    ['process.stdout', process.stdout],
    ['process.stderr', process.stderr],
    ['console', console],
    ['Object.prototype', Object.prototype],
    ['Array.prototype', Array.prototype],
    ['Function.prototype', Function.prototype],
    ['String.prototype', String.prototype],
    ['Number.prototype', Number.prototype],
    ['Promise.prototype', Promise.prototype],
    ['Map.prototype', Map.prototype],
    ['Set.prototype', Set.prototype],
    ['Math', Math],
    ['JSON', JSON],
    ['Reflect', Reflect],
  ];
}

function descriptors(o: object): Map<PropertyKey, PropertyDescriptor> {
  const out = new Map<PropertyKey, PropertyDescriptor>();
  for (const key of Reflect.ownKeys(o)) {
    const d = Reflect.getOwnPropertyDescriptor(o, key);
    if (d) out.set(key, d);
  }
  return out;
}

/** The watched objects that are JavaScript's own: changing one is patching the language. */
const BUILTIN_OBJECTS = new Set([
  'Object.prototype',
  'Array.prototype',
  'Function.prototype',
  'String.prototype',
  'Number.prototype',
  'Promise.prototype',
  'Map.prototype',
  'Set.prototype',
  'Math',
  'JSON',
  'Reflect',
]);

/**
 * Globals the language defines. Node's own globals (TextEncoder, atob, Blob...) are excluded:
 * several are lazy getters that replace themselves on first use.
 */
const BUILTIN_GLOBALS = new Set([
  'Object', 'Array', 'Function', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Math', 'JSON', 'Reflect', 'Proxy',
  'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Date', 'RegExp', 'Error', 'TypeError', 'RangeError',
  'ArrayBuffer', 'Float64Array', 'Float32Array', 'Int32Array', 'Uint8Array', 'parseInt', 'parseFloat', 'isNaN', 'isFinite',
]);

/** A baseline of the child, taken before any student code runs. */
export function captureState(): ChildState {
  const objects = new Map<string, Map<PropertyKey, PropertyDescriptor>>();
  for (const [name, o] of watched()) objects.set(name, descriptors(o));
  return { objects, resources: process.getActiveResourcesInfo().sort() };
}

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor): boolean {
  return (
    Object.is(a.value, b.value) &&
    a.get === b.get &&
    a.set === b.set &&
    a.writable === b.writable &&
    a.enumerable === b.enumerable &&
    a.configurable === b.configurable
  );
}

interface Change {
  readonly object: string;
  readonly key: string;
  readonly change: 'added' | 'changed' | 'removed';
}

/** How each watched object differs from its baseline, reading the live objects once: no copy is built. */
function objectChanges(baseline: ChildState, objects: ReadonlyArray<readonly [string, object]>): Change[] {
  const changes: Change[] = [];
  for (const [object, o] of objects) {
    const before = baseline.objects.get(object);
    if (!before) continue;
    const keys = Reflect.ownKeys(o);
    let seen = 0;
    for (const key of keys) {
      const d = Reflect.getOwnPropertyDescriptor(o, key);
      const old = before.get(key);
      if (!old) changes.push({ object, key: String(key), change: 'added' });
      else {
        seen += 1;
        if (!d || !sameDescriptor(old, d)) changes.push({ object, key: String(key), change: 'changed' });
      }
    }
    if (seen !== before.size) {
      const now = new Set<PropertyKey>(keys);
      for (const key of before.keys()) if (!now.has(key)) changes.push({ object, key: String(key), change: 'removed' });
    }
  }
  return changes;
}

const describeChange = (c: Change): string => `${c.object}.${c.key} ${c.change}`;

/** What differs from the baseline, in words; empty when the child is as it was. */
export function changesSince(baseline: ChildState): string[] {
  const changes = objectChanges(baseline, watched()).map(describeChange);
  const resources = process.getActiveResourcesInfo().sort();
  if (resources.join() !== baseline.resources.join()) changes.push(`active resources: ${resources.join(', ')}`);
  return changes;
}

/**
 * What a module changed of JavaScript's built-ins since the baseline: a method of `Math`, `JSON`
 * or a prototype replaced, added or removed, or a global built-in (`JSON`, `Math`, `Array`...)
 * replaced. Globals of its own that a module adds are not built-ins, and stay allowed. This
 * replaces Node's `--frozen-intrinsics`, which turns every prototype property into a getter and
 * setter pair and so made every graded function slower (a quarter of the child's CPU time).
 */
export function builtinChanges(baseline: ChildState): string[] {
  // Only the built-ins are read again: a fresh child runs this cold, after every import.
  const builtins = watched().filter(([name]) => BUILTIN_OBJECTS.has(name));
  const globals = objectChanges(baseline, [['globalThis', globalThis]]).filter((c) => BUILTIN_GLOBALS.has(c.key));
  return [...globals, ...objectChanges(baseline, builtins)].map(describeChange);
}
