import { casesCheck } from 'neurograde/kit';
import { syntheticGray } from '../../image/checks/synthetic-image.js';
import { convCase, NOTES_KERNEL, SOBEL_X, SOBEL_Y } from './conv-case.js';

/** The notes' 3x3 kernels on a small rendering of the koala stand-in, default options. */
export const notesKernels = casesCheck({
  id: 'notes-kernels',
  title: { fr: 'Les noyaux 3x3 du cours', en: "The notes' 3x3 kernels" },
  cases: () => {
    const img = syntheticGray(12, 16);
    return [
      convCase('[[-1,-2,-1],[-2,0,2],[1,2,1]] on a 12x16 image', img, NOTES_KERNEL),
      convCase('Sobel x [[-1,0,1],[-2,0,2],[-1,0,1]] on a 12x16 image', img, SOBEL_X),
      convCase('Sobel y (kernel.T) on a 12x16 image', img, SOBEL_Y),
    ];
  },
});
