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
      convCase({ en: '[[-1,-2,-1],[-2,0,2],[1,2,1]] on a 12x16 image', fr: '[[-1,-2,-1],[-2,0,2],[1,2,1]] sur une image 12x16' }, img, NOTES_KERNEL),
      convCase({ en: 'Sobel x [[-1,0,1],[-2,0,2],[-1,0,1]] on a 12x16 image', fr: 'Sobel x [[-1,0,1],[-2,0,2],[-1,0,1]] sur une image 12x16' }, img, SOBEL_X),
      convCase({ en: 'Sobel y (kernel.T) on a 12x16 image', fr: 'Sobel y (kernel.T) sur une image 12x16' }, img, SOBEL_Y),
    ];
  },
});
