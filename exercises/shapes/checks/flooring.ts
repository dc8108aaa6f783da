import { casesCheck, call, named } from 'neurograde/kit';

/** Divisions that do not fall exactly: the size must be floored, never fractional nor rounded up. */
export const flooring = casesCheck({
  id: 'flooring',
  title: { fr: 'Divisions non entières : partie entière', en: 'Inexact divisions are floored' },
  cases: () => [
    { ...named({ en: 'conv 28x28, F=3, S=2 -> 13', fr: 'conv 28x28, F=3, S=2 -> 13 (partie entière)' }), steps: [call('convOutputShape', { W: 28, H: 28, D: 1 }, { K: 4, F: 3, S: 2, P: 0 })], input: { W: 28, H: 28, D: 1, K: 4, F: 3, S: 2, P: 0 } },
    { ...named({ en: 'conv 10x7, F=4, S=3, P=1', fr: 'conv 10x7, F=4, S=3, P=1 (partie entière)' }), steps: [call('convOutputShape', { W: 10, H: 7, D: 2 }, { K: 3, F: 4, S: 3, P: 1 })], input: { W: 10, H: 7, D: 2, K: 3, F: 4, S: 3, P: 1 } },
    { ...named({ en: 'pool 7x7, F=2, S=2 -> 3', fr: 'pool 7x7, F=2, S=2 -> 3 (partie entière)' }), steps: [call('poolOutputShape', { W: 7, H: 7, D: 5 }, { F: 2, S: 2 })], input: { W: 7, H: 7, D: 5, F: 2, S: 2 } },
    { ...named({ en: 'pool 300x168, F=4, S=4 (the koala)', fr: 'pool 300x168, F=4, S=4 (le koala)' }), steps: [call('poolOutputShape', { W: 301, H: 169, D: 1 }, { F: 4, S: 4 })], input: { W: 301, H: 169, D: 1, F: 4, S: 4 } },
    { ...named({ en: 'pool 9x5, F=3, S=2', fr: 'pool 9x5, F=3, S=2 (partie entière)' }), steps: [call('poolOutputShape', { W: 9, H: 5, D: 1 }, { F: 3, S: 2 })], input: { W: 9, H: 5, D: 1, F: 3, S: 2 } },
  ],
});
