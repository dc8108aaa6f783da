import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { drawOrthogonal, orthonormalColumns } from './orthogonal.js';

type Apply = (this: unknown, shape: number[], dtype?: string) => tf.Tensor;
// tfjs' own draw, whatever another test file of this worker patched.
const tfjsApply = (Object.getPrototypeOf(tf.initializers.orthogonal({})) as { apply: Apply }).apply;

describe("the child's plain Orthogonal draw", () => {
  it.each([
    [[20, 20], 1],
    [[16, 64], 1],
    [[64, 16], 1],
    [[3, 3, 4, 8], 1],
    [[1, 20], 1],
    [[30, 30], 2.5],
  ])('gives the matrix tfjs gives for a seeded %j draw (gain %d), up to float32 rounding', (shape, gain) => {
    const init = tf.initializers.orthogonal({ seed: 1234, gain });
    const want = tfjsApply.call(init, shape);
    const got = drawOrthogonal(tf, init as unknown as { seed: number; gain: number }, shape) as tf.Tensor;
    expect(got.shape).toEqual(shape);
    expect(got.dtype).toBe('float32');
    expect(tf.sub(got, want).abs().max().dataSync()[0]).toBeLessThan(1e-4);
    // And it is not the matrix of another seed: the comparison can tell two draws apart.
    const other = tfjsApply.call(tf.initializers.orthogonal({ seed: 99, gain }), shape);
    expect(tf.sub(got, other).abs().max().dataSync()[0]).toBeGreaterThan(1e-2);
    tf.dispose([want, got, other]);
  });

  it('leaves to tfjs what it should answer itself: another dtype, a shape under rank 2', () => {
    const init = {};
    expect(drawOrthogonal(tf, init, [4, 4], 'int32')).toBeUndefined();
    expect(drawOrthogonal(tf, init, [4])).toBeUndefined();
  });

  it('orthonormalises independent columns, and gives up on dependent ones', () => {
    const q = orthonormalColumns([3, 1, 4, 1, 5, 9], 3, 2)!;
    const dot = (a: Float64Array, b: Float64Array): number => a.reduce((s, x, i) => s + x * b[i]!, 0);
    expect(dot(q[0]!, q[0]!)).toBeCloseTo(1, 12);
    expect(dot(q[1]!, q[1]!)).toBeCloseTo(1, 12);
    expect(dot(q[0]!, q[1]!)).toBeCloseTo(0, 12);
    expect(orthonormalColumns([1, 2, 2, 4, 3, 6], 3, 2)).toBeUndefined();
  });
});
