/**
 * Architecture differences in the student's terms: the first difference as "Expected X to be Y,
 * but got Z.", then what it does downstream (output shapes, Flatten size, parameter counts), so
 * that a student who wrote `padding: 'same'` reads that it keeps 28x28 and where the extra
 * parameters come from.
 */
import type { Messages } from '../index.js';
import { propagation, type Difference } from './compare.js';
import type { ModelFacts, Shape } from './facts.js';

type T = Messages['models'];

/** `[null, 20, 16]`, as the contract writes output shapes. */
export const shapeText = (s: Shape): string => `[${s.map((d) => (d === null ? 'null' : String(d))).join(', ')}]`;
/** `26x26x64`: one sample's size, batch dropped, as the notes' summaries read. */
export const sizeText = (s: Shape | undefined): string => (s ? s.slice(1).map((d) => (d === null ? '?' : String(d))).join('x') : '?');

// tfjs writes every Glorot, He and LeCun initializer as a VarianceScaling: the name a student wrote.
const VARIANCE_SCALING: Readonly<Record<string, string>> = {
  '1 fanAvg uniform': 'glorotUniform', '1 fanAvg normal': 'glorotNormal', '2 fanIn uniform': 'heUniform', '2 fanIn normal': 'heNormal',
  '1 fanIn uniform': 'leCunUniform', '1 fanIn normal': 'leCunNormal',
};

// An initializer, regularizer or constraint as a student writes it: 'zeros', 'glorotUniform', L1L2(l1 0, l2 0.01).
function objectText(v: { className: string; config?: Record<string, unknown> }): string {
  const c = v.config ?? {};
  const known = v.className === 'VarianceScaling' ? VARIANCE_SCALING[`${String(c.scale)} ${String(c.mode)} ${String(c.distribution)}`] : undefined;
  if (known) return `'${known}'`;
  const entries = Object.entries(c);
  if (entries.length === 0) return `'${v.className.charAt(0).toLowerCase()}${v.className.slice(1)}'`;
  return `${v.className}(${entries.map(([k, x]) => `${k} ${typeof x === 'number' ? String(x) : JSON.stringify(x)}`).join(', ')})`;
}

function valueText(t: T, v: unknown): string {
  if (v === 'linear') return t.linear;
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number') return t.number(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return v.join('x');
  if (v === undefined) return t.unset;
  if (typeof v === 'object' && v !== null && typeof (v as { className?: unknown }).className === 'string') return objectText(v as { className: string });
  return JSON.stringify(v);
}

/** Every output shape of a layer, `20x16, 16, 16` for an LSTM returning its states. */
const sizesText = (shapes: readonly Shape[]): string => shapes.map((s) => sizeText(s)).join(', ');

function differenceText(t: T, label: string, d: Difference): string {
  switch (d.kind) {
    case 'input-shape':
      return t.inputShape(label, shapeText(d.want), shapeText(d.got));
    case 'missing-layer':
      return t.missingLayer({ call: label, className: d.className, ...(d.after ? { after: t.layerName(d.after.className, d.after.position) } : {}), want: d.want.join(' → '), got: d.got.join(' → ') });
    case 'extra-layer':
      return t.extraLayer({ call: label, layer: t.layerName(d.layer.className, d.layer.position), want: d.want.join(' → '), got: d.got.join(' → ') });
    case 'layers':
      return t.layers(label, d.want.join(' → '), d.got.join(' → '));
    case 'field':
      return t.field({ call: label, layer: t.layerName(d.layer.className, d.layer.position), field: t.fieldName(d.field), want: valueText(t, d.want), got: valueText(t, d.got) });
    case 'outputs':
      return t.outputs(label, d.want.map(shapeText).join(', '), d.got.map(shapeText).join(', '));
    case 'params':
      return t.params(label, d.want, d.got);
  }
}

/** A student's model next to the reference's, and how they differ. */
export interface ArchitectureComparison {
  /** How the student reads the call, e.g. `cnnModel()`. */
  readonly call: string;
  readonly diffs: readonly Difference[];
  readonly student: ModelFacts;
  readonly reference: ModelFacts;
}

// Undefined when shapes and counts are unchanged (an activation): then the first sentence says it all.
function consequenceText(t: T, d: Difference, { student, reference }: ArchitectureComparison): string | undefined {
  if (d.kind === 'params' || d.kind === 'outputs' || d.kind === 'input-shape') return undefined;
  const p = propagation(student, reference);
  const parts: string[] = [];
  if (p.layer) {
    const { student: s, reference: r } = p.layer;
    parts.push(t.layerOutputs(t.layerName(s.className, s.position), sizesText(s.outputShapes), sizesText(r.outputShapes)));
  }
  if (p.flatten) parts.push(t.flattenGives(p.flatten.got, p.flatten.want));
  if (p.denseAfterFlatten) parts.push(t.denseHas(p.denseAfterFlatten.got, p.denseAfterFlatten.want));
  const params = student.params !== reference.params ? { got: student.params, want: reference.params } : undefined;
  if (parts.length === 0 && !params) return undefined;
  let lead: string | undefined;
  if (d.kind === 'field' && d.field === 'padding' && d.got === 'same' && d.layer.className === 'Conv2D') {
    const k = student.layers.indexOf(d.layer);
    const input = k > 0 ? student.layers[k - 1]!.outputShapes[0] : student.inputShapes[0];
    lead = t.paddingSameKeeps(sizeText(input?.slice(0, 3)));
  } else if (d.kind === 'missing-layer') lead = t.without(d.className);
  return t.consequence(lead, parts, params);
}

/** The message of a failed architecture check: the first difference and its consequences. */
export function architectureMessage(t: T, c: ArchitectureComparison): string {
  const first = c.diffs[0]!;
  const more = c.diffs.length > 1 ? ` ${t.moreDifferences(c.diffs.length - 1)}` : '';
  const consequence = consequenceText(t, first, c);
  return `${differenceText(t, c.call, first)}${consequence ? ` ${consequence}` : ''}${more}`;
}
