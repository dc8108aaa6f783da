import { describe, expect, it } from 'vitest';
import { createCaseEncoder } from './case-encoder.js';
import type { Step } from './steps.js';
import { decodeValue } from './wire.js';

const steps: readonly Step[] = [
  { op: 'call', fn: 'convolution', args: [{ data: [[1, NaN], [Infinity, -0.5]] }, { data: [[1]] }], as: 'out' },
  { op: 'set', target: 'layer', prop: 'units', value: { data: undefined } },
];

describe('createCaseEncoder', () => {
  it('encodes steps to the JSON wire form the child decodes, NaN and Infinity included', () => {
    const bytes = createCaseEncoder().encode(steps);
    const wire = JSON.parse(bytes.toString('utf8')) as { args?: { data: unknown }[]; value?: { data: unknown } }[];
    expect(decodeValue(wire[0]!.args![0]!.data)).toEqual([[1, NaN], [Infinity, -0.5]]);
    expect(decodeValue(wire[1]!.value!.data)).toBeUndefined();
    expect(wire[0]).toMatchObject({ op: 'call', fn: 'convolution', as: 'out' });
  });

  it('encodes the same steps once, and steps built afresh again', () => {
    const encoder = createCaseEncoder();
    const first = encoder.encode(steps);
    expect(encoder.encode(steps)).toBe(first);
    const copy = structuredClone(steps) as readonly Step[];
    const again = encoder.encode(copy);
    expect(again).not.toBe(first);
    expect(again.equals(first)).toBe(true);
  });
});
