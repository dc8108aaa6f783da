/**
 * Structural comparison of a student's model with the reference, and the diagnosis it allows.
 * The generic diagnosis replays mistaken functions and compares numbers; models are compared as
 * structures instead, and each kind of difference points at one mistake of the catalogue.
 */
import type { Field, LayerFacts, ModelFacts, Shape } from './facts.js';

export type Difference =
  | { readonly kind: 'input-shape'; readonly want: Shape; readonly got: Shape }
  | { readonly kind: 'missing-layer'; readonly className: string; readonly after?: LayerFacts; readonly want: readonly string[]; readonly got: readonly string[] }
  | { readonly kind: 'extra-layer'; readonly layer: LayerFacts; readonly want: readonly string[]; readonly got: readonly string[] }
  | { readonly kind: 'layers'; readonly want: readonly string[]; readonly got: readonly string[] }
  | { readonly kind: 'field'; readonly layer: LayerFacts; readonly reference: LayerFacts; readonly field: Field; readonly want: unknown; readonly got: unknown; readonly last: boolean }
  | { readonly kind: 'outputs'; readonly want: readonly Shape[]; readonly got: readonly Shape[] }
  | { readonly kind: 'params'; readonly want: number; readonly got: number };

/** Layer classes as a student reads them: `Conv2D(relu)`, `MaxPooling2D`, `Dense(softmax)`. */
export function layerLabels(facts: ModelFacts): string[] {
  return facts.layers.map((l) => {
    const a = l.fields.activation;
    return typeof a === 'string' && a !== 'linear' ? `${l.className}(${a})` : l.className;
  });
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

// Where `longer` equals `shorter` with one item inserted, the index of that item.
function insertedAt(longer: readonly string[], shorter: readonly string[]): number | undefined {
  if (longer.length !== shorter.length + 1) return undefined;
  for (let i = 0; i < longer.length; i++) {
    if (same([...longer.slice(0, i), ...longer.slice(i + 1)], shorter)) return i;
  }
  return undefined;
}

/**
 * Every structural difference, causes first: input shape, layer list, hyper-parameters. Output
 * shapes and parameter counts are only reported when nothing above explains them.
 */
export function compareArchitecture(student: ModelFacts, reference: ModelFacts): Difference[] {
  const diffs: Difference[] = [];
  const wantIn = reference.inputShapes[0] ?? [];
  const gotIn = student.inputShapes[0] ?? [];
  if (student.inputShapes.length !== reference.inputShapes.length || !same(wantIn, gotIn)) diffs.push({ kind: 'input-shape', want: wantIn, got: gotIn });

  const want = reference.layers.map((l) => l.className);
  const got = student.layers.map((l) => l.className);
  const labels = { want: layerLabels(reference), got: layerLabels(student) };
  if (!same(want, got)) {
    const missing = insertedAt(want, got);
    const extra = insertedAt(got, want);
    if (missing !== undefined) {
      diffs.push({ kind: 'missing-layer', className: want[missing]!, ...(missing > 0 ? { after: reference.layers[missing - 1]! } : {}), ...labels });
    } else if (extra !== undefined) {
      diffs.push({ kind: 'extra-layer', layer: student.layers[extra]!, ...labels });
    } else {
      diffs.push({ kind: 'layers', ...labels });
    }
    return diffs;
  }
  reference.layers.forEach((ref, i) => {
    const layer = student.layers[i]!;
    for (const field of Object.keys({ ...ref.fields, ...layer.fields }) as Field[]) {
      const w = ref.fields[field] ?? (field === 'activation' ? 'linear' : undefined);
      const g = layer.fields[field] ?? (field === 'activation' ? 'linear' : undefined);
      if (!same(w, g)) diffs.push({ kind: 'field', layer, reference: ref, field, want: w, got: g, last: i === reference.layers.length - 1 });
    }
  });
  if (diffs.length > 0) return diffs;
  if (!same(student.outputShapes, reference.outputShapes)) diffs.push({ kind: 'outputs', want: reference.outputShapes, got: student.outputShapes });
  if (student.params !== reference.params) diffs.push({ kind: 'params', want: reference.params, got: student.params });
  return diffs;
}

// The catalogue's id for one difference, when it is a known mistake.
function mistakeOf(d: Difference): string | undefined {
  switch (d.kind) {
    case 'missing-layer':
      return /Pooling2D$/.test(d.className) ? 'model-missing-pooling' : undefined;
    case 'field':
      switch (d.field) {
        case 'padding':
          return d.want === 'valid' && d.got === 'same' ? 'model-padding-same' : undefined;
        case 'filters':
          return 'model-wrong-filters';
        case 'units':
          return 'model-wrong-units';
        case 'activation':
          return d.last && d.want === 'softmax' && d.got === 'linear' ? 'model-missing-softmax' : 'model-wrong-activation';
        default:
          return undefined;
      }
    default:
      return undefined;
  }
}

/** The one mistake every difference points at, or undefined when they point at none or several. */
export function diagnoseArchitecture(diffs: readonly Difference[]): string | undefined {
  const ids = new Set(diffs.map(mistakeOf));
  return ids.size === 1 ? [...ids][0] : undefined;
}

/** The first layer whose output shape differs, and the shapes: how a difference propagates. */
export interface Propagation {
  readonly layer?: { readonly student: LayerFacts; readonly reference: LayerFacts };
  readonly flatten?: { readonly want: number; readonly got: number };
  readonly denseAfterFlatten?: { readonly want: number; readonly got: number };
}

/** How a difference in the layer list or a hyper-parameter shows in shapes and counts. */
export function propagation(student: ModelFacts, reference: ModelFacts): Propagation {
  const out: { -readonly [K in keyof Propagation]: Propagation[K] } = {};
  if (student.layers.length === reference.layers.length) {
    const i = student.layers.findIndex((l, k) => !same(l.outputShapes, reference.layers[k]!.outputShapes));
    if (i >= 0) out.layer = { student: student.layers[i]!, reference: reference.layers[i]! };
  }
  const flat = (f: ModelFacts): number => f.layers.findIndex((l) => l.className === 'Flatten');
  const fs = flat(student), fr = flat(reference);
  if (fs >= 0 && fr >= 0) {
    const size = (l: LayerFacts): number => (l.outputShapes[0]?.[1] as number | undefined) ?? 0;
    const want = size(reference.layers[fr]!), got = size(student.layers[fs]!);
    if (want !== got) out.flatten = { want, got };
    const ds = student.layers[fs + 1], dr = reference.layers[fr + 1];
    if (ds && dr && ds.className === 'Dense' && dr.className === 'Dense' && ds.params !== dr.params) out.denseAfterFlatten = { want: dr.params, got: ds.params };
  }
  return out;
}
