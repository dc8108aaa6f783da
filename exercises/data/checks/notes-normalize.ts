import { casesCheck, call, named } from 'neurograde/kit';
import { ringDigit } from './images.js';

/** The notes' `train_X / 255` on 28 x 28 images, one that reaches 255 and one that does not. */
export const notesNormalize = casesCheck({
  id: 'notes-normalize',
  title: { fr: 'Normaliser une image 28 x 28 : pixels / 255', en: 'Normalising a 28 x 28 image: pixels / 255' },
  cases: () => {
    const digit = ringDigit();
    const faint = ringDigit(191);
    return [
      { ...named({ en: 'a 28 x 28 digit, pixels 0..255', fr: 'un chiffre 28 x 28, pixels 0..255' }), steps: [call('normalize', digit)], input: { pixels: digit } },
      { ...named({ en: 'a faint 28 x 28 digit, pixels 0..191', fr: 'un chiffre 28 x 28 pâle, pixels 0..191' }), steps: [call('normalize', faint)], input: { pixels: faint } },
    ];
  },
});
