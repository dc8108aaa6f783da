import { casesCheck } from 'neurograde/kit';
import { poolingCase, signed } from './pool-case.js';

/** The three statistics of the notes' list: maximum, mean, L2 norm, each asked by name. */
export const poolingModes = casesCheck({
  id: 'pooling-modes',
  title: { fr: 'Max, moyenne et norme L2', en: 'Max, mean and L2 norm' },
  cases: () => [
    poolingCase({ en: "mode 'max', 2x2 on 4x6", fr: 'mode \'max\', 2x2 sur 4x6' }, signed(4, 6), { size: 2, mode: 'max' }),
    poolingCase({ en: "mode 'mean', 2x2 on 4x6", fr: 'mode \'mean\', 2x2 sur 4x6' }, signed(4, 6), { size: 2, mode: 'mean' }),
    poolingCase({ en: "mode 'l2', 2x2 on 4x6", fr: 'mode \'l2\', 2x2 sur 4x6' }, signed(4, 6), { size: 2, mode: 'l2' }),
    poolingCase({ en: "mode 'mean', 3x3 on 6x6", fr: 'mode \'mean\', 3x3 sur 6x6' }, signed(6, 6), { size: 3, mode: 'mean' }),
    poolingCase({ en: "mode 'l2', 3x3 on 6x9", fr: 'mode \'l2\', 3x3 sur 6x9' }, signed(6, 9), { size: 3, mode: 'l2' }),
  ],
});
