import { casesCheck } from 'neurograde/kit';
import { exactly, grayscaleCase } from './image-case.js';
import { NOTES_HEIGHT, NOTES_WIDTH, syntheticImage } from './synthetic-image.js';

/**
 * The notes' first step, gimg = np.average(img, axis=2).astype(int), on the koala stand-in at half
 * the notes' size: 150,000 numbers each way would cost a third of a second of grading for nothing
 * the half-size image does not test; Sobel and maxpooling run on the full 168x300 size.
 */
export const grayscaleNotesImage = casesCheck({
  id: 'grayscale-notes-image',
  title: { fr: "Niveaux de gris de l'image du cours", en: "Grey levels of the notes' image" },
  compare: exactly,
  cases: () => [
    grayscaleCase({ en: 'means with a fractional part (2x3 pixels)', fr: 'moyennes avec une partie décimale (2x3 pixels)' }, [
      [
        [1, 2, 2],
        [0, 0, 1],
        [10, 20, 31],
      ],
      [
        [255, 254, 254],
        [200, 100, 0],
        [7, 8, 8],
      ],
    ]),
    grayscaleCase({ en: '84x150x3 image (koala.jpg at half size)', fr: 'image 84x150x3 (koala.jpg à mi-taille)' }, syntheticImage(NOTES_HEIGHT / 2, NOTES_WIDTH / 2)),
  ],
});
