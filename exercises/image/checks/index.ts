import type { CheckDefinition } from 'neurograde/kit';
import { grayscaleNotesImage } from './grayscale-notes-image.js';
import { grayscaleRandom } from './grayscale-random.js';
import { sobelEdges } from './sobel-edges.js';
import { sobelNotesImage } from './sobel-notes-image.js';
import { sobelProperty } from './sobel-property.js';
import { sobelRandom } from './sobel-random.js';

export const checks: readonly CheckDefinition[] = [grayscaleNotesImage, grayscaleRandom, sobelNotesImage, sobelEdges, sobelRandom, sobelProperty];
