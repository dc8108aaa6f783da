import { casesCheck, call, named, type CaseName } from 'neurograde/kit';

const oneHot = (name: CaseName, labels: number[], numClasses?: number) => ({
  ...named(name),
  // numClasses left out, not sent as undefined: the call must exercise the default.
  steps: [numClasses === undefined ? call('toCategorical', labels) : call('toCategorical', labels, numClasses)],
  input: numClasses === undefined ? { labels } : { labels, numClasses },
});

/** Classes missing from the labels, an explicit class count, a single label. */
export const oneHotEdge = casesCheck({
  id: 'one-hot-edge',
  title: { fr: 'Cas limites : classe absente, nombre de classes donné, une seule étiquette', en: 'Edge cases: a missing class, a given class count, a single label' },
  cases: () => [
    oneHot({ en: 'classes 1 and 2 never appear: still 4 columns', fr: 'les classes 1 et 2 n’apparaissent jamais : toujours 4 colonnes' }, [0, 3, 3, 0]),
    oneHot({ en: 'a single label 0: one class', fr: 'une seule étiquette 0 : une classe' }, [0]),
    oneHot({ en: 'every label the same', fr: 'toutes les étiquettes identiques' }, [2, 2, 2]),
    oneHot({ en: 'numClasses given, larger than max + 1', fr: 'numClasses donné, plus grand que max + 1' }, [1, 0], 5),
    oneHot({ en: 'numClasses given, the top class missing from the labels', fr: 'numClasses donné, la dernière classe absente des étiquettes' }, [0, 1, 1], 3),
  ],
});
