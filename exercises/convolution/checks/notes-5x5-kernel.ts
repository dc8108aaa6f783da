import { casesCheck } from 'neurograde/kit';
import { syntheticGray } from '../../image/checks/synthetic-image.js';
import { convCase, NOTES_KERNEL_5X5 } from './conv-case.js';

/** The notes' 5x5 corner kernel: the output loses 4 rows and 4 columns, not 3. */
export const notes5x5Kernel = casesCheck({
  id: 'notes-5x5-kernel',
  title: { fr: 'Le noyau 5x5 du cours', en: "The notes' 5x5 kernel" },
  cases: () => [
    convCase({ en: '5x5 kernel on a 12x16 image -> 8x12', fr: 'noyau 5x5 sur une image 12x16 -> 8x12' }, syntheticGray(12, 16), NOTES_KERNEL_5X5),
    convCase({ en: '5x5 kernel on a 9x7 image -> 5x3', fr: 'noyau 5x5 sur une image 9x7 -> 5x3' }, syntheticGray(9, 7), NOTES_KERNEL_5X5),
  ],
});
