/**
 * What a student's module could leave behind in the child for the next exercise: globals added
 * or replaced, changed `process` fields or environment, listeners, timers and open handles. The
 * runner takes a baseline before any student code runs, and loads the next exercise of the same
 * submission only if nothing differs; otherwise the grader starts a fresh child. Intrinsics are
 * compared too, for launchers that do not freeze them.
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

/** What differs from the baseline, in words; empty when the child is as it was. */
export function changesSince(baseline: ChildState): string[] {
  const now = captureState();
  const changes: string[] = [];
  for (const [name, before] of baseline.objects) {
    const after = now.objects.get(name)!;
    for (const [key, d] of after) {
      const old = before.get(key);
      if (!old) changes.push(`${name}.${String(key)} added`);
      else if (!sameDescriptor(old, d)) changes.push(`${name}.${String(key)} changed`);
    }
    for (const key of before.keys()) if (!after.has(key)) changes.push(`${name}.${String(key)} removed`);
  }
  if (now.resources.join() !== baseline.resources.join()) changes.push(`active resources: ${now.resources.join(', ')}`);
  return changes;
}
