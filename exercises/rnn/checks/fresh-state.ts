import { type CaseSpec, casesCheck, invoke, named, type CaseName } from 'neurograde/kit';
import { buildLayer, NOTES_LAYER, NOTES_X, type LayerSpec } from './layer.js';

interface Call {
  readonly method: 'forward' | 'forwardSequence';
  readonly X: number[][];
}

/** One layer, two calls: the second answer is compared too. */
function twice(name: CaseName, layer: LayerSpec, [first, second]: readonly [Call, Call]): CaseSpec {
  return {
    ...named(name),
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
    twice({ en: 'forward twice on the same sequence, tanh', fr: 'forward deux fois sur la même séquence, tanh' }, TANH, [{ method: 'forward', X: SHORT }, { method: 'forward', X: SHORT }]),
    twice({ en: 'forward twice on the notes\u2019 sequence', fr: 'forward deux fois sur la séquence du cours' }, NOTES_LAYER, [{ method: 'forward', X: NOTES_X }, { method: 'forward', X: NOTES_X }]),
    twice({ en: 'forward on two different sequences', fr: 'forward sur deux séquences différentes' }, TANH, [{ method: 'forward', X: [[1, -1], [0.5, 2]] }, { method: 'forward', X: [[-1, 0.25], [2, 1], [0, -1]] }]),
    twice({ en: 'forwardSequence twice', fr: 'forwardSequence deux fois' }, NOTES_LAYER, [{ method: 'forwardSequence', X: [[1, 2], [-1, 1]] }, { method: 'forwardSequence', X: [[1, 2], [-1, 1]] }]),
  ],
});
