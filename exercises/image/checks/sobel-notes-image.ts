import { casesCheck } from 'neurograde/kit';
import { sobelCase } from './image-case.js';
import { syntheticGray } from './synthetic-image.js';

/** The notes' Sobel cells on the koala stand-in: small first (small evidence), then full size. */
export const sobelNotesImage = casesCheck({
  id: 'sobel-notes-image',
  title: { fr: "Sobel sur l'image du cours", en: "Sobel on the notes' image" },
  cases: () => [
    sobelCase({ en: '12x16 rendering of the image', fr: 'rendu 12x16 de l\u2019image' }, syntheticGray(12, 16)),
    sobelCase({ en: '168x300 image (the size of koala.jpg)', fr: 'image 168x300 (la taille de koala.jpg)' }, syntheticGray()),
  ],
});
