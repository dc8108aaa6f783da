import { casesCheck } from 'neurograde/kit';
import { syntheticGray } from '../../image/checks/synthetic-image.js';
import { maxpoolingCase, signed } from './pool-case.js';

/** The notes' m = maxpooling(r, 4): (168, 300) gives (42, 75). */
export const maxpoolingNotes = casesCheck({
  id: 'maxpooling-notes',
  title: { fr: 'Le maxpooling du cours', en: "The notes' maxpooling" },
  cases: () => [
    maxpoolingCase({ en: '4x6 image, n=2 -> 2x3', fr: 'image 4x6, n=2 -> 2x3' }, signed(4, 6), 2),
    maxpoolingCase({ en: '168x300 image, n=4 -> 42x75 (the notes)', fr: 'image 168x300, n=4 -> 42x75 (le cours)' }, syntheticGray(), 4),
  ],
});
