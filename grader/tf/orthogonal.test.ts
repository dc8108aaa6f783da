import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { drawOrthogonal, drawOrthogonalInJs, orthonormalColumns } from './orthogonal.js';

type Apply = (this: unknown, shape: number[], dtype?: string) => tf.Tensor;
const proto = Object.getPrototypeOf(tf.initializers.orthogonal({})) as { apply: Apply };
// tfjs' own draw, put back after the test that installs the JavaScript one.
const tfjsApply = proto.apply;
afterAll(() => {
  proto.apply = tfjsApply;
});

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

  it("once installed, builds a SimpleRNN and an LSTM with the recurrent kernels tfjs' own draw gives", () => {
    const recurrent = (): tf.Tensor[] => {
      const rnn = tf.layers.simpleRNN({ units: 20, inputShape: [6, 1], recurrentInitializer: tf.initializers.orthogonal({ seed: 11 }) });
      const lstm = tf.layers.lstm({ units: 16, recurrentInitializer: tf.initializers.orthogonal({ seed: 12 }), returnSequences: true });
      const model = tf.sequential({ layers: [rnn, tf.layers.reshape({ targetShape: [20, 1] }), lstm] });
      const kernels = [rnn.getWeights()[1]!, lstm.getWeights()[1]!].map((w) => w.clone());
      model.dispose();
      return kernels;
    };
    const stock = recurrent();
    drawOrthogonalInJs(tf);
    drawOrthogonalInJs(tf);
    expect(proto.apply).not.toBe(tfjsApply);
    const inJs = recurrent();
    for (let i = 0; i < stock.length; i++) {
      expect(inJs[i]!.shape).toEqual(stock[i]!.shape);
      expect(tf.sub(inJs[i]!, stock[i]!).abs().max().dataSync()[0]).toBeLessThan(1e-5);
    }
    expect(() => drawOrthogonalInJs({ initializers: 3 })).not.toThrow();
  });
});
