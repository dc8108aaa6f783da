/**
 * Structural comparison of a student's model with the reference, and the diagnosis it allows.
 * The generic diagnosis replays mistaken functions and compares numbers; models are compared as
 * structures instead, and each kind of difference points at one mistake of the catalogue.
 */
import type { LayerFacts, ModelFacts, Shape } from './facts.js';

export type Difference =
  | { readonly kind: 'input-shape'; readonly want: Shape; readonly got: Shape }
  | { readonly kind: 'missing-layer'; readonly className: string; readonly after?: LayerFacts; readonly want: readonly string[]; readonly got: readonly string[] }
  | { readonly kind: 'extra-layer'; readonly layer: LayerFacts; readonly want: readonly string[]; readonly got: readonly string[] }
  | { readonly kind: 'layers'; readonly want: readonly string[]; readonly got: readonly string[] }
  | { readonly kind: 'field'; readonly layer: LayerFacts; readonly reference: LayerFacts; readonly field: string; readonly want: unknown; readonly got: unknown; readonly last: boolean }
  | { readonly kind: 'outputs'; readonly want: readonly Shape[]; readonly got: readonly Shape[] }
  | { readonly kind: 'params'; readonly want: number; readonly got: number };

/** Layer classes as a student reads them: `Conv2D(relu)`, `MaxPooling2D`, `Dense(softmax)`. */
export function layerLabels(facts: ModelFacts): string[] {
  return facts.layers.map((l) => {
    const a = l.config.activation;
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

type Obj = { readonly className?: unknown; readonly config?: Record<string, unknown> };

/**
 * Glorot, He or LeCun, uniform, normal or truncated normal: the initializers any course or
 * library uses by default for a kernel (Keras: glorotUniform, the notes' choice; tfjs:
 * glorotNormal). Measured to learn as the reference does (bench/models-learning.ts).
 */
export function standardKernelInitializer(v: unknown): boolean {
  const o = v as Obj | undefined;
  if (!o || o.className !== 'VarianceScaling' || !o.config) return false;
  const { scale, mode, distribution } = o.config;
  const family = (scale === 1 && (mode === 'fanAvg' || mode === 'fanIn')) || (scale === 2 && mode === 'fanIn');
  return family && (distribution === 'normal' || distribution === 'uniform' || distribution === 'truncatedNormal');
}

/** Values that differ in writing but not in what the notes ask: any of them is the notes' model. */
const EQUIVALENT: Readonly<Record<string, (a: unknown, b: unknown) => boolean>> = {
  kernelInitializer: (a, b) => standardKernelInitializer(a) && standardKernelInitializer(b),
  // Keras (the notes) defaults to sigmoid, tfjs to hardSigmoid.
  recurrentActivation: (a, b) => ['sigmoid', 'hardSigmoid'].includes(String(a)) && ['sigmoid', 'hardSigmoid'].includes(String(b)),
};

// The order differences are named in: what the notes set first, then how the layer learns.
const FIELD_ORDER = [
  'units', 'filters', 'kernelSize', 'strides', 'padding', 'dilationRate', 'poolSize', 'targetShape', 'rate', 'activation', 'recurrentActivation',
  'useBias', 'returnSequences', 'returnState', 'goBackwards', 'trainable', 'kernelInitializer', 'biasInitializer', 'recurrentInitializer',
];
const rank = (field: string): number => {
  const i = FIELD_ORDER.indexOf(field);
  return i < 0 ? FIELD_ORDER.length : i;
};

/** Every key on which two canonical layers differ, in {@link FIELD_ORDER}, equivalent writings aside. */
export function fieldDifferences(layer: LayerFacts, ref: LayerFacts): { field: string; want: unknown; got: unknown }[] {
  const keys = [...new Set([...Object.keys(ref.config), ...Object.keys(layer.config)])].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const out: { field: string; want: unknown; got: unknown }[] = [];
  for (const field of keys) {
    const w = ref.config[field], g = layer.config[field];
    if (same(w, g) || EQUIVALENT[field]?.(w, g)) continue;
    out.push({ field, want: w, got: g });
  }
  return out;
}

/**
 * Every difference of the canonical models, causes first: input shape, layer list, then every
 * option of every layer (initializers, regularizers, `trainable`... included). Output shapes and
 * parameter counts are only reported when nothing above explains them.
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
    for (const d of fieldDifferences(layer, ref)) diffs.push({ kind: 'field', layer, reference: ref, ...d, last: i === reference.layers.length - 1 });
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
          return d.layer.className === 'Conv2D' && d.want === 'valid' && d.got === 'same' ? 'model-padding-same' : undefined;
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
