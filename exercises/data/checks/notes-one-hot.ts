import { casesCheck, call, named, type CaseName } from 'neurograde/kit';

const oneHot = (name: CaseName, labels: number[]) => ({ ...named(name), steps: [call('toCategorical', labels)], input: { labels } });

/** The notes' `to_categorical(y_train)`: digit labels, ten classes inferred from the labels. */
export const notesOneHot = casesCheck({
  id: 'notes-one-hot',
  title: { fr: 'to_categorical sur des étiquettes de chiffres', en: 'to_categorical on digit labels' },
  cases: () => [
    oneHot({ en: 'the first ten MNIST training labels', fr: 'les dix premières étiquettes d’entraînement de MNIST' }, [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]),
    oneHot({ en: 'the first ten Fashion-MNIST training labels', fr: 'les dix premières étiquettes d’entraînement de Fashion-MNIST' }, [9, 0, 0, 3, 0, 2, 7, 2, 5, 5]),
    oneHot({ en: '0..9 in order: the identity matrix', fr: '0..9 dans l’ordre : la matrice identité' }, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
  ],
});
