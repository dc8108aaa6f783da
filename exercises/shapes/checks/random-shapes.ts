import { casesCheck, call, named } from 'neurograde/kit';

/** Seeded random layers: sizes, filters, strides, paddings, with and without exact division. */
export const randomShapes = casesCheck({
  id: 'random-shapes',
  title: { fr: 'Couches tirées au hasard', en: 'Random layers' },
  cases: (rng) =>
    Array.from({ length: 40 }, (_, i) => {
      const F = rng.int(1, 7);
      const input = { W: rng.int(F, 64), H: rng.int(F, 64), D: rng.int(1, 16) };
      if (i % 2 === 0) {
        const layer = { K: rng.int(1, 128), F, S: rng.int(1, 4), P: rng.int(0, 3) };
        return { ...named({ en: `conv #${i}`, fr: `conv n° ${i}` }), steps: [call('convOutputShape', input, layer)], input: { input, layer } };
      }
      const layer = { F, S: rng.int(1, 4) };
      return { ...named({ en: `pool #${i}`, fr: `pool n° ${i}` }), steps: [call('poolOutputShape', input, layer)], input: { input, layer } };
    }),
});
