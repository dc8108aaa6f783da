import { casesCheck, call } from 'neurograde/kit';

const oneHot = (id: string, labels: number[], numClasses?: number) => ({
  id,
  // numClasses left out, not sent as undefined: the call must exercise the default.
  steps: [numClasses === undefined ? call('toCategorical', labels) : call('toCategorical', labels, numClasses)],
  input: numClasses === undefined ? { labels } : { labels, numClasses },
});

/** Classes missing from the labels, an explicit class count, a single label. */
export const oneHotEdge = casesCheck({
  id: 'one-hot-edge',
  title: { fr: 'Cas limites : classe absente, nombre de classes donné, une seule étiquette', en: 'Edge cases: a missing class, a given class count, a single label' },
  cases: () => [
    oneHot('classes 1 and 2 never appear: still 4 columns', [0, 3, 3, 0]),
    oneHot('a single label 0: one class', [0]),
    oneHot('every label the same', [2, 2, 2]),
    oneHot('numClasses given, larger than max + 1', [1, 0], 5),
    oneHot('numClasses given, the top class missing from the labels', [0, 1, 1], 3),
  ],
});
