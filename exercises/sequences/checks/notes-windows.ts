import { casesCheck, call, named } from 'neurograde/kit';
import { noisySine } from './series.js';

/** The notes' noisy sine, 100 points: windows of 6 give X of shape 94 x 6 and Y of shape 94 x 1. */
export const notesWindows = casesCheck({
  id: 'notes-windows',
  title: { fr: 'La sinusoïde bruitée du cours : X de forme 94 x 6', en: "The notes' noisy sine: X of shape 94 x 6" },
  cases: (rng) => {
    const series = noisySine(rng);
    return [
      { ...named({ en: 'sin(t) + 0.1 * noise, t = 0, 0.1, ..., 9.9, s = 6', fr: 'sin(t) + 0.1 * bruit, t = 0, 0.1, ..., 9.9, s = 6' }), steps: [call('makeWindows', series, 6)], input: { series, s: 6 } },
      { ...named({ en: 'the same series, s = 10', fr: 'la même série, s = 10' }), steps: [call('makeWindows', series, 10)], input: { series, s: 10 } },
    ];
  },
});
