import { casesCheck, call } from 'neurograde/kit';

const oneHot = (id: string, labels: number[]) => ({ id, steps: [call('toCategorical', labels)], input: { labels } });

/** The notes' `to_categorical(y_train)`: digit labels, ten classes inferred from the labels. */
export const notesOneHot = casesCheck({
  id: 'notes-one-hot',
  title: { fr: 'to_categorical sur des étiquettes de chiffres', en: 'to_categorical on digit labels' },
  cases: () => [
    oneHot('the first ten MNIST training labels', [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]),
    oneHot('the first ten Fashion-MNIST training labels', [9, 0, 0, 3, 0, 2, 7, 2, 5, 5]),
    oneHot('0..9 in order: the identity matrix', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
  ],
});
