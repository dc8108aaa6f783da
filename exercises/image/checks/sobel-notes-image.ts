import { casesCheck } from 'neurograde/kit';
import { sobelCase } from './image-case.js';
import { syntheticGray } from './synthetic-image.js';

/** The notes' Sobel cells on the koala stand-in: small first (small evidence), then full size. */
export const sobelNotesImage = casesCheck({
  id: 'sobel-notes-image',
  title: { fr: "Sobel sur l'image du cours", en: "Sobel on the notes' image" },
  cases: () => [
    sobelCase('12x16 rendering of the image', syntheticGray(12, 16)),
    sobelCase('168x300 image (the size of koala.jpg)', syntheticGray()),
  ],
});
