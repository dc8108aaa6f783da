import { type CaseSpec, casesCheck, invoke } from 'neurograde/kit';
import { buildLayer, NOTES_LAYER, NOTES_X, type LayerSpec } from './layer.js';

interface Call {
  readonly method: 'forward' | 'forwardSequence';
  readonly X: number[][];
}

/** One layer, two calls: the second answer is compared too. */
function twice(id: string, layer: LayerSpec, [first, second]: readonly [Call, Call]): CaseSpec {
  return {
    id,
    steps: [...buildLayer('layer', layer), invoke('layer', first.method, first.X), invoke('layer', second.method, second.X)],
    input: { ...layer, calls: [`${first.method}(X1)`, `${second.method}(X2)`], X1: first.X, X2: second.X },
  };
}

const TANH = { ...NOTES_LAYER, activation: 'tanh' } as const;
const SHORT = [
  [1, 3],
  [-1, 2],
];

/**
 * Two calls on the same layer: each must start again from h_0 = 0, like Keras' SimpleRNN. The
 * notes' class keeps `self.h`, so its second call continues from where the first stopped.
 */
export const freshState = casesCheck({
  id: 'fresh-state',
  title: { fr: "Chaque appel repart de l'état nul", en: 'Every call starts again from the zero state' },
  cases: () => [
    twice('forward twice on the same sequence, tanh', TANH, [{ method: 'forward', X: SHORT }, { method: 'forward', X: SHORT }]),
    twice('forward twice on the notes\u2019 sequence', NOTES_LAYER, [{ method: 'forward', X: NOTES_X }, { method: 'forward', X: NOTES_X }]),
    twice('forward on two different sequences', TANH, [{ method: 'forward', X: [[1, -1], [0.5, 2]] }, { method: 'forward', X: [[-1, 0.25], [2, 1], [0, -1]] }]),
    twice('forwardSequence twice', NOTES_LAYER, [{ method: 'forwardSequence', X: [[1, 2], [-1, 1]] }, { method: 'forwardSequence', X: [[1, 2], [-1, 1]] }]),
  ],
});
